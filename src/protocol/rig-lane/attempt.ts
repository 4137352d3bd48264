/**
 * Rig attempts (spec/protocol.md §5): the view the coordinator returns, and what a terminal
 * status means for the miner. Terminal: `signed`, `rejected`, `expired`, `quarantined`.
 */
import { z } from 'zod';
import type { HttpResponse } from '../http/types.js';
import { invalidResponse, parseResponse } from '../response.js';
import { hexString, multiPassFeedbackSchema, untrustedTransactionSchema, type MultiPassFeedback, type UntrustedTransaction } from '../schemas.js';
import { rigRefusalRule, type RigNextStep } from './refusals.js';

export const TERMINAL_STATUSES = ['signed', 'rejected', 'expired', 'quarantined'] as const;
export type TerminalStatus = (typeof TERMINAL_STATUSES)[number];

export const attemptSchema = z.looseObject({
  attemptId: z.string().min(1).max(200),
  status: z.string().min(1),
});
export type RigAttemptView = z.output<typeof attemptSchema>;

export function isTerminalStatus(status: string): status is TerminalStatus {
  return (TERMINAL_STATUSES as readonly string[]).includes(status);
}

export interface AttemptSigned {
  status: 'signed';
  attempt: RigAttemptView;
  /** `rig-standard-v1` in production. */
  lane?: string;
  receipt: Record<string, unknown>;
  signature?: `0x${string}`;
  /** Unverified: the guard checks rig, operator, target, chain and value before signing. */
  transaction: UntrustedTransaction;
}

export interface AttemptRejected {
  status: 'rejected' | 'expired' | 'quarantined';
  attempt: RigAttemptView;
  /** A refusal code (`RIG_CHAIN_POSITION_CHANGED`, ...) when the coordinator gave one. */
  code?: string;
  message?: string;
  /**
   * `retry_same`: resubmit this challenge (new Idempotency-Key, fresh trace); `fresh_work`:
   * discard it and fetch new work; `retry_later`: wait, then fetch work; `stop`: needs a human.
   */
  next: RigNextStep | 'retry_same';
  /** Multi-pass counts, when the rejection was a judged attempt. */
  feedback?: MultiPassFeedback;
}

export type AttemptOutcome = AttemptSigned | AttemptRejected;

const signedSchema = z.looseObject({
  lane: z.string().optional(),
  receipt: z.record(z.string(), z.unknown()),
  signature: hexString.optional(),
  transaction: untrustedTransactionSchema,
});

const ACTION = 'Reading a rig attempt';

/** Maps a terminal attempt view to an outcome; the response is the one that carried it. */
export function attemptOutcome(attempt: RigAttemptView, response: HttpResponse): AttemptOutcome {
  const body = attempt as Record<string, unknown>;
  if (attempt.status === 'signed') {
    const signed = parseResponse(signedSchema, { ...response, body }, ACTION);
    return {
      status: 'signed',
      attempt,
      ...(signed.lane !== undefined ? { lane: signed.lane } : {}),
      receipt: signed.receipt,
      ...(signed.signature !== undefined ? { signature: signed.signature } : {}),
      transaction: signed.transaction,
    };
  }
  const status = attempt.status;
  if (!isTerminalStatus(status) || status === 'signed') invalidResponse(response, ACTION, `status ${JSON.stringify(status)} is not terminal`);
  const code = typeof body.code === 'string' ? body.code : typeof body.error === 'string' ? body.error : undefined;
  const message = typeof body.message === 'string' ? body.message : undefined;
  const feedback = multiPassFeedbackSchema.safeParse(body);
  const base = { status, attempt, ...(code ? { code } : {}), ...(message ? { message } : {}) };
  const rule = rigRefusalRule(code);
  if (rule) return { ...base, next: rule.next };
  if (attempt.status === 'quarantined') return { ...base, next: 'stop' };
  if (attempt.status === 'expired') return { ...base, next: 'fresh_work' };
  if (feedback.success && 'constraintsTotal' in body) {
    return { ...base, next: feedback.data.retryAllowed ? 'retry_same' : 'fresh_work', feedback: feedback.data };
  }
  return { ...base, next: feedback.success && feedback.data.retryAllowed ? 'retry_same' : 'fresh_work' };
}
