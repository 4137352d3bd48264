/**
 * Rig-lane attempts: created by POST /v1/rig/submit (202), processed in the background,
 * polled by GET /v1/rig/attempt/{id}. `Idempotency-Key` semantics: the same key with the same
 * body is the same attempt; the same key with another body is refused.
 */
import { randomUUID } from 'node:crypto';
import type { Address } from 'viem';

export type AttemptStatus = 'queued' | 'processing' | 'signed' | 'rejected' | 'expired';

export interface RigAttempt {
  attemptId: string;
  status: AttemptStatus;
  rigId: string;
  operator: Address;
  challengeId: string;
  createdAt: string;
  updatedAt: string;
  /** Terminal details: the signed receipt and transaction, or the rejection counts and code. */
  result: Record<string, unknown>;
  fingerprint: string;
}

export class RigAttemptStore {
  private readonly attempts = new Map<string, RigAttempt>();
  private readonly byKey = new Map<string, string>();

  constructor(private readonly now: () => number) {}

  /** The attempt already filed under this operator's key, if any. */
  forKey(operator: Address, idempotencyKey: string): RigAttempt | undefined {
    const id = this.byKey.get(`${operator}|${idempotencyKey}`);
    return id === undefined ? undefined : this.attempts.get(id);
  }

  create(fields: { operator: Address; idempotencyKey: string; rigId: string; challengeId: string; fingerprint: string }): RigAttempt {
    const at = new Date(this.now()).toISOString();
    const attempt: RigAttempt = {
      attemptId: randomUUID(),
      status: 'queued',
      rigId: fields.rigId,
      operator: fields.operator,
      challengeId: fields.challengeId,
      createdAt: at,
      updatedAt: at,
      result: {},
      fingerprint: fields.fingerprint,
    };
    this.attempts.set(attempt.attemptId, attempt);
    this.byKey.set(`${fields.operator}|${fields.idempotencyKey}`, attempt.attemptId);
    return attempt;
  }

  get(attemptId: string): RigAttempt | undefined {
    return this.attempts.get(attemptId);
  }

  update(attempt: RigAttempt, status: AttemptStatus, result: Record<string, unknown> = {}): void {
    attempt.status = status;
    attempt.result = result;
    attempt.updatedAt = new Date(this.now()).toISOString();
  }
}

export function isTerminal(status: AttemptStatus): boolean {
  return status !== 'queued' && status !== 'processing';
}

/** What the API shows of an attempt (never the fingerprint). */
export function attemptView(attempt: RigAttempt): Record<string, unknown> {
  return {
    attemptId: attempt.attemptId,
    status: attempt.status,
    rigId: attempt.rigId,
    operator: attempt.operator,
    challengeId: attempt.challengeId,
    createdAt: attempt.createdAt,
    updatedAt: attempt.updatedAt,
    ...attempt.result,
  };
}
