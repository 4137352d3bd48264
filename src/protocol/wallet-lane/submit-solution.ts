/**
 * POST /v1/submit (spec/protocol.md §4): one attempt, answered synchronously.
 *
 * Retries: this POST is sent once (`maxAttempts: 1`). A retry after a dropped connection could
 * count as a second attempt of the multi-pass session, and a 5xx may come after the coordinator
 * judged the attempt. So a transport failure or 5xx surfaces as an error saying the outcome is
 * unknown, and the miner's attempt loop decides: resubmitting the *same* solve is safe for a pass
 * (the coordinator answers a passed session with the same receipt) and costs at most one
 * attempt otherwise. A 401 is different: the coordinator refused before judging, so the same
 * solve is resubmitted once after a fresh sign-in.
 */
import { z } from 'zod';
import { isMinerError, MinerError } from '../../errors.js';
import { requireAuth, sendAuthorized } from '../auth/authorized.js';
import type { CoordinatorContext } from '../context.js';
import { forbiddenError } from '../forbidden.js';
import { responseError } from '../http/response-error.js';
import type { HttpResponse } from '../http/types.js';
import { parseResponse } from '../response.js';
import { assertLaneServed, routePath } from '../routes.js';
import { hexString, multiPassFeedbackSchema, untrustedTransactionSchema, type MultiPassFeedback, type UntrustedTransaction } from '../schemas.js';
import { challengeGone, type NewChallengeNeeded, type StaleChallenge } from '../submission-outcome.js';
import type { WalletSubmission } from './submission.js';

export interface SubmitPass {
  kind: 'pass';
  pass: true;
  /** The signed receipt's fields, as the coordinator sent them (big integers as strings). */
  receipt: Record<string, unknown>;
  signature: `0x${string}`;
  /** Unverified: the transaction guard checks it before anything is signed. */
  transaction: UntrustedTransaction;
  mode?: string;
  vouchTransaction?: UntrustedTransaction;
  /** The whole response, for the ledger. */
  raw: Record<string, unknown>;
}

/** A multi-pass failure: counts only. `retryAllowed` says whether the same challenge takes another attempt. */
export interface SubmitFailMultiPass extends MultiPassFeedback {
  kind: 'fail';
  pass: false;
  mode: 'multi-pass';
  raw: Record<string, unknown>;
}

/** A single-pass failure: the failed constraints are named, and the challenge is spent. */
export interface SubmitFailSinglePass {
  kind: 'fail';
  pass: false;
  mode: 'single-pass';
  failedConstraintIndices: number[];
  retryAllowed: false;
  raw: Record<string, unknown>;
}

export type SubmitOutcome = SubmitPass | SubmitFailMultiPass | SubmitFailSinglePass | StaleChallenge | NewChallengeNeeded;

const passSchema = z.looseObject({
  pass: z.literal(true),
  receipt: z.record(z.string(), z.unknown()),
  signature: hexString,
  transaction: untrustedTransactionSchema,
  mode: z.string().optional(),
  vouchTransaction: untrustedTransactionSchema.optional(),
});

const singlePassSchema = z.looseObject({
  pass: z.literal(false),
  failedConstraintIndices: z.array(z.number().int().nonnegative()),
});

const multiPassSchema = multiPassFeedbackSchema.extend({ pass: z.literal(false) });

const ACTION = 'Submitting a solution';

export async function submitSolution(context: CoordinatorContext, body: WalletSubmission): Promise<SubmitOutcome> {
  assertLaneServed(context, 'wallet', 'submit');
  // Sign in before the POST, so a sign-in failure is not mistaken for an unknown submit outcome.
  await requireAuth(context).token('wallet');
  let response: HttpResponse;
  try {
    response = await sendAuthorized(context, 'wallet', 'POST', routePath('submit'), { body, maxAttempts: 1 });
  } catch (error) {
    throw outcomeUnknown(error);
  }
  if (response.status === 200) return readVerdict(response);
  const gone = challengeGone(response);
  if (gone) return gone;
  if (response.status === 403) throw forbiddenError(response, ACTION, 'wallet');
  throw responseError(response, {
    action: ACTION,
    ...(response.status >= 500 ? { hint: UNKNOWN_OUTCOME_HINT } : {}),
    ...(response.status === 400 ? { hint: 'The coordinator refused the submission\'s shape; run `botcoin-miner check` on it and fix what it reports.' } : {}),
  });
}

/** Reads a 200 answer: a pass, or a single- or multi-pass failure. */
function readVerdict(response: HttpResponse): SubmitPass | SubmitFailMultiPass | SubmitFailSinglePass {
  const raw = (typeof response.body === 'object' && response.body !== null ? response.body : {}) as Record<string, unknown>;
  if (raw.pass === true) {
    const pass = parseResponse(passSchema, response, ACTION);
    return {
      kind: 'pass',
      pass: true,
      receipt: pass.receipt,
      signature: pass.signature,
      transaction: pass.transaction,
      ...(pass.mode !== undefined ? { mode: pass.mode } : {}),
      ...(pass.vouchTransaction !== undefined ? { vouchTransaction: pass.vouchTransaction } : {}),
      raw,
    };
  }
  if (Array.isArray(raw.failedConstraintIndices)) {
    const fail = parseResponse(singlePassSchema, response, ACTION);
    return { kind: 'fail', pass: false, mode: 'single-pass', failedConstraintIndices: fail.failedConstraintIndices, retryAllowed: false, raw };
  }
  const { pass: _pass, ...feedback } = parseResponse(multiPassSchema, response, ACTION);
  return { ...feedback, kind: 'fail', pass: false, mode: 'multi-pass', raw };
}

const UNKNOWN_OUTCOME_HINT =
  'The coordinator may or may not have judged this attempt. Resubmitting the same solution is safe for a pass (the same receipt comes back) but may use one more attempt.';

/** A transport failure or 5xx during the submit: we do not know whether the attempt counted. */
function outcomeUnknown(error: unknown): unknown {
  if (!isMinerError(error) || (error.code !== 'COORDINATOR_UNAVAILABLE' && error.code !== 'NETWORK')) return error;
  return new MinerError(error.code, `${ACTION}: the coordinator gave no verdict, so the attempt's outcome is unknown. ${error.shortMessage}`, {
    hint: UNKNOWN_OUTCOME_HINT,
    ...(error.details !== undefined ? { details: error.details } : {}),
    cause: error,
  });
}
