/**
 * The pieces `submit` and `challenge` share between the CLI command and the MCP tool of the same
 * name: the submit document (schemas/submit.schema.json) built from a submit outcome, and the slot
 * a fetched challenge belongs to. One mapping, so both front ends report an outcome the same way.
 */
import { MinerError } from '../errors.js';
import type { SubmitOutcome } from './attempt-loop.js';
import type { MinerLane } from './events.js';
import type { Slot } from './reporter.js';

/** The `submit` document (schemas/submit.schema.json). */
export interface SubmitDocument {
  challengeId: string;
  attempt: number;
  outcome: 'confirmed' | 'reverted' | 'dropped' | 'rejected' | 'voided';
  receiptId?: string;
  txHash?: string;
  creditsEarned?: string;
  reason?: string;
  feedback?: Record<string, unknown>;
}

export function submitDocument(outcome: SubmitOutcome): SubmitDocument {
  const base = { challengeId: outcome.challengeId, attempt: outcome.attempt };
  switch (outcome.kind) {
    case 'settled': {
      const r = outcome.receipt;
      // A receipt that never reached a final on-chain state is reported as dropped: the schema has no other.
      const state = r.state === 'confirmed' || r.state === 'reverted' ? r.state : 'dropped';
      return { ...base, outcome: state, receiptId: r.receiptId, txHash: r.txHash, ...(r.creditsEarned ? { creditsEarned: r.creditsEarned } : {}), ...(r.reason ? { reason: r.reason } : {}) };
    }
    case 'rejected': {
      const { failedConstraintIndices } = outcome.verdict;
      return { ...base, outcome: 'rejected', reason: outcome.reason, feedback: { ...outcome.verdict.feedback, ...(failedConstraintIndices ? { failedConstraintIndices } : {}) } };
    }
    case 'voided':
      return { ...base, outcome: 'voided', reason: `${outcome.reason}; fetch a new challenge` };
  }
}

/**
 * The slot a challenge is fetched for: the wallet lane, or the first rig on the rig lane.
 * `hint` names the front end's own way of passing a rig (a CLI flag, an MCP argument).
 */
export function challengeSlot(lane: MinerLane, rigs: readonly string[], hint: string): Slot {
  if (lane !== 'rig') return { lane };
  const [rigId] = rigs;
  if (rigId === undefined) throw new MinerError('BAD_USAGE', 'The rig lane needs a rig id.', { hint });
  return { lane, rigId };
}
