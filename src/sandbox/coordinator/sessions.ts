/**
 * Multi-pass sessions (spec/protocol.md §9): keyed by challengeId + nonce + manifest hash,
 * at most `maxAttempts` attempts within `ttlSeconds` of the first one. A passed session
 * keeps its result, so resubmitting the same solve (after a lost response) gets it again.
 */
import { HttpError } from './http-error.js';

export interface Session<Pass> {
  key: string;
  startedAtMs: number;
  attemptsUsed: number;
  passed?: Pass;
}

export type AttemptTicket<Pass> = { kind: 'passed'; result: Pass } | { kind: 'attempt'; session: Session<Pass> };

export class SessionStore<Pass> {
  private readonly sessions = new Map<string, Session<Pass>>();

  constructor(
    private readonly now: () => number,
    private readonly rules: () => { maxAttempts: number; ttlSeconds: number },
  ) {}

  static key(challengeId: string, nonce: string, manifestHash: string): string {
    return `${challengeId}|${nonce}|${manifestHash.toLowerCase()}`;
  }

  /** Opens (or continues) the session and counts one attempt; refuses expired or exhausted sessions. */
  beginAttempt(key: string): AttemptTicket<Pass> {
    let session = this.sessions.get(key);
    if (!session) {
      session = { key, startedAtMs: this.now(), attemptsUsed: 0 };
      this.sessions.set(key, session);
    }
    if (session.passed !== undefined) return { kind: 'passed', result: session.passed };
    this.assertOpen(key);
    session.attemptsUsed += 1;
    return { kind: 'attempt', session };
  }

  /** Throws the 409 a new attempt would get, without counting one. */
  assertOpen(key: string): void {
    const session = this.sessions.get(key);
    if (!session || session.passed !== undefined) return;
    const { maxAttempts, ttlSeconds } = this.rules();
    if (this.now() > session.startedAtMs + ttlSeconds * 1000) {
      throw new HttpError(409, 'session_expired', `The multi-pass session for this challenge expired (${ttlSeconds} s). Request a new challenge with a new nonce.`);
    }
    if (session.attemptsUsed >= maxAttempts) {
      throw new HttpError(409, 'session_exhausted', `All ${maxAttempts} attempts for this challenge are used. Request a new challenge with a new nonce.`);
    }
  }

  recordPass(session: Session<Pass>, result: Pass): void {
    session.passed = result;
  }

  remaining(session: Session<Pass>): number {
    return Math.max(0, this.rules().maxAttempts - session.attemptsUsed);
  }

  get(key: string): Session<Pass> | undefined {
    return this.sessions.get(key);
  }
}
