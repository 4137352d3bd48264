/**
 * Issued challenges, by id and by the request that produced them. The served JSON text is
 * kept so a repeated request gets byte-identical bytes (and the same rig expiry).
 */
import type { Address, Hex } from 'viem';
import type { Challenge } from '../../challenge/types.js';
import type { AnswerKey } from '../generator/answer-key.js';
import type { Lane } from './auth-store.js';

export interface IssuedChallenge {
  lane: Lane;
  challengeId: string;
  nonce: string;
  /** Lower-case wallet (miner or rig operator) the challenge was issued to. */
  wallet: Address;
  rigId?: bigint;
  epochId: bigint;
  solveIndex: bigint;
  prevReceiptHash: Hex;
  commit: Hex;
  seed: bigint;
  payload: Record<string, unknown>;
  /** The exact response body. */
  json: string;
  manifestHash: string;
  answerKey: AnswerKey;
  challenge: Challenge;
  expiresAtMs?: number;
  authorization?: string;
}

export class ChallengeStore {
  private readonly byId = new Map<string, IssuedChallenge>();
  private readonly byRequest = new Map<string, string>();
  private readonly pending = new Map<string, Promise<IssuedChallenge>>();

  static requestKey(lane: Lane, identity: string, epochId: bigint, cursor: bigint, nonce: string): string {
    return [lane, identity, epochId, cursor, nonce].join('|');
  }

  /** The challenge already issued for this request, else the one `issue` makes (run once at a time). */
  async once(requestKey: string, issue: () => Promise<IssuedChallenge>): Promise<IssuedChallenge> {
    const existing = this.forRequest(requestKey);
    if (existing) return existing;
    let running = this.pending.get(requestKey);
    if (!running) {
      running = issue().finally(() => this.pending.delete(requestKey));
      this.pending.set(requestKey, running);
    }
    return running;
  }

  forRequest(requestKey: string): IssuedChallenge | undefined {
    const id = this.byRequest.get(requestKey);
    return id === undefined ? undefined : this.byId.get(id);
  }

  get(challengeId: string): IssuedChallenge | undefined {
    return this.byId.get(challengeId);
  }

  add(requestKey: string, issued: IssuedChallenge): void {
    this.byId.set(issued.challengeId, issued);
    this.byRequest.set(requestKey, issued.challengeId);
  }

  /** Challenges of ended epochs can never be redeemed: forget them. */
  dropEpochsBefore(epochId: bigint): void {
    for (const [key, id] of this.byRequest) {
      const issued = this.byId.get(id);
      if (!issued || issued.epochId < epochId) {
        this.byRequest.delete(key);
        this.byId.delete(id);
      }
    }
  }
}
