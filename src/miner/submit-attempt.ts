/**
 * One coordinator attempt on either lane, reduced to a verdict the attempt loop acts on: a pass
 * (receipt + untrusted transaction), a counted failure (multi-pass counts), or void (the work is
 * gone: stale, session over, voided rig work — fetch fresh work).
 *
 * Transport trouble around the submit is not a verdict. A wallet-lane submit is sent once by the
 * protocol client (its outcome is unknown after a dropped connection or a 5xx), and a rig submit
 * may exhaust its retries: both are resubmitted here with the same body (and, on the rig lane,
 * the same Idempotency-Key), which is safe — a passed session answers with the same receipt, a
 * queued rig attempt is found by its key — and costs at most one attempt otherwise.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { isMinerError, MinerError } from '../errors.js';
import {
  isRigRefusedError,
  rigSubmission,
  walletSubmission,
  type AttemptOutcome,
  type IssuedChallenge,
  type MultiPassFeedback,
  type UntrustedTransaction,
} from '../protocol/index.js';
import type { Solution } from '../challenge/types.js';
import type { Reporter } from './reporter.js';
import type { MinerSession } from './session.js';

export type Verdict =
  | { kind: 'pass'; receipt: Record<string, unknown>; signature?: string; transaction: UntrustedTransaction; raw: Record<string, unknown> }
  | {
      kind: 'fail';
      feedback: Partial<MultiPassFeedback> & { retryAllowed: boolean };
      status?: string;
      failedConstraintIndices?: number[];
      raw: Record<string, unknown>;
    }
  | { kind: 'void'; reason: string; waitMs?: number; raw: Record<string, unknown> };

const SUBMIT_TRIES = 4;
const TRANSIENT = new Set(['COORDINATOR_UNAVAILABLE', 'NETWORK', 'RATE_LIMITED']);

export interface SubmitInput {
  issued: IssuedChallenge;
  solution: Solution;
  /** The rig submission's Idempotency-Key (kept across resubmits of this same attempt). */
  idempotencyKey: string;
  signal?: AbortSignal;
}

export function newIdempotencyKey(): string {
  return randomUUID();
}

export async function submitAttempt(session: MinerSession, reporter: Reporter, input: SubmitInput): Promise<Verdict> {
  for (let tries = 1; ; tries++) {
    await session.gate.wait(input.signal);
    try {
      return reporter.slot.lane === 'rig' ? await submitRig(session, input) : await submitWallet(session, input);
    } catch (error) {
      if (isRigRefusedError(error)) return refusalVerdict(error.refusal, error.next, error.retryAfterMs, error);
      if (!isMinerError(error) || !TRANSIENT.has(error.code) || tries >= SUBMIT_TRIES) throw error;
      await reporter.error('submit', error, { challengeId: input.issued.challenge.challengeId, fatal: false, code: 'WAIT' });
      const pauseMs = 1_000 * 2 ** (tries - 1);
      if (error.code === 'RATE_LIMITED') session.gate.pause(pauseMs);
      else await delay(pauseMs, undefined, input.signal === undefined ? {} : { signal: input.signal });
    }
  }
}

async function submitWallet(session: MinerSession, input: SubmitInput): Promise<Verdict> {
  const body = walletSubmission({ challenge: input.issued.challenge, nonce: input.issued.nonce, solution: input.solution, miner: session.address, modelVersion: session.modelVersion });
  const outcome = await session.coordinator.submitSolution(body);
  switch (outcome.kind) {
    case 'pass':
      return { kind: 'pass', receipt: outcome.receipt, signature: outcome.signature, transaction: outcome.transaction, raw: outcome.raw };
    case 'fail':
      if (outcome.mode === 'single-pass') {
        return { kind: 'fail', feedback: { retryAllowed: false }, failedConstraintIndices: outcome.failedConstraintIndices, raw: outcome.raw };
      }
      return { kind: 'fail', feedback: stripMode(outcome), raw: outcome.raw };
    case 'stale_challenge':
      return { kind: 'void', reason: `stale challenge${outcome.code ? ` (${outcome.code})` : ''}`, raw: { ...outcome } };
    case 'new_challenge_needed':
      return { kind: 'void', reason: outcome.reason, raw: { ...outcome } };
  }
}

async function submitRig(session: MinerSession, input: SubmitInput): Promise<Verdict> {
  const body = rigSubmission({ challenge: input.issued.challenge, nonce: input.issued.nonce, solution: input.solution, modelVersion: session.modelVersion });
  const submitted = await session.coordinator.submitRigSolution(body, { idempotencyKey: input.idempotencyKey, ...(input.signal ? { signal: input.signal } : {}) });
  if (submitted.kind === 'stale_challenge') return { kind: 'void', reason: `stale challenge${submitted.code ? ` (${submitted.code})` : ''}`, raw: { ...submitted } };
  if (submitted.kind === 'new_challenge_needed') return { kind: 'void', reason: submitted.reason, raw: { ...submitted } };
  const outcome = await session.coordinator.pollAttempt(submitted.attempt.attemptId, {
    ...(submitted.retryAfterMs !== undefined ? { initialDelayMs: submitted.retryAfterMs } : {}),
    ...(input.signal ? { signal: input.signal } : {}),
  });
  return rigVerdict(outcome);
}

function rigVerdict(outcome: AttemptOutcome): Verdict {
  const raw = { ...(outcome.attempt as Record<string, unknown>) };
  if (outcome.status === 'signed') {
    return { kind: 'pass', receipt: outcome.receipt, ...(outcome.signature ? { signature: outcome.signature } : {}), transaction: outcome.transaction, raw };
  }
  if (outcome.next === 'retry_same' || (outcome.feedback && outcome.next === 'fresh_work' && outcome.code === undefined)) {
    return { kind: 'fail', status: outcome.status, feedback: { ...(outcome.feedback ?? {}), retryAllowed: outcome.next === 'retry_same' }, raw };
  }
  if (outcome.next === 'stop') {
    throw new MinerError('COORDINATOR_REFUSED', `The coordinator ${outcome.status} the attempt${outcome.code ? ` (${outcome.code})` : ''}${outcome.message ? `: ${outcome.message}` : ''}.`, {
      hint: 'This needs a look before mining on: check the rig with `botcoin-miner rig` and the coordinator\'s status.',
    });
  }
  return refusalVerdict(outcome.code ?? outcome.status, outcome.next, undefined, undefined, raw);
}

function refusalVerdict(code: string, next: string, retryAfterMs: number | undefined, error?: MinerError, raw: Record<string, unknown> = {}): Verdict {
  if (next === 'stop' && error) throw error;
  return {
    kind: 'void',
    reason: code,
    ...(next === 'retry_later' ? { waitMs: Math.min(retryAfterMs ?? 5_000, 60_000) } : {}),
    raw: { code, ...raw },
  };
}

function stripMode(outcome: MultiPassFeedback & { kind: string; pass: boolean; mode: string; raw: unknown }): MultiPassFeedback {
  const { kind: _kind, pass: _pass, mode: _mode, raw: _raw, ...feedback } = outcome;
  return feedback;
}
