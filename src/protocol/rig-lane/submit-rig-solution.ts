/**
 * POST /v1/rig/submit (spec/protocol.md §5): queues an attempt (202) to be polled.
 *
 * One `Idempotency-Key` per submission. The transport repeats it on every retry of this POST
 * (429, 5xx, dropped connections), so a retry can never queue a second attempt; a caller that
 * retries the same submission later (after this function threw) passes the returned key again.
 * A new submission (even of the same challenge) gets a new key.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { sendAuthorized } from '../auth/authorized.js';
import type { CoordinatorContext } from '../context.js';
import { forbiddenError } from '../forbidden.js';
import { responseError } from '../http/response-error.js';
import { parseRetryAfterHeader } from '../http/retry-after.js';
import { parseResponse } from '../response.js';
import { assertLaneServed, routePath } from '../routes.js';
import { challengeGone, type NewChallengeNeeded, type StaleChallenge } from '../submission-outcome.js';
import { attemptSchema, type RigAttemptView } from './attempt.js';
import { rigRefusalError } from './refusals.js';
import type { RigSubmission } from './rig-submission.js';

export interface RigSubmitOptions {
  /** Reuse only to retry this same submission; default: a new UUID. */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

export interface RigSubmitAccepted {
  kind: 'accepted';
  attempt: RigAttemptView;
  /** As the coordinator sent it; polling uses `attempt.attemptId` on the protocol route instead. */
  statusUrl?: string;
  /** The key this submission was filed under: pass it again to retry the same submission. */
  idempotencyKey: string;
  /** The coordinator's suggested wait before the first poll. */
  retryAfterMs?: number;
}

export type RigSubmitOutcome = RigSubmitAccepted | StaleChallenge | NewChallengeNeeded;

const acceptedSchema = z.looseObject({ attempt: attemptSchema, statusUrl: z.string().optional() });

const ACTION = 'Submitting rig work';

export async function submitRigSolution(context: CoordinatorContext, body: RigSubmission, options: RigSubmitOptions = {}): Promise<RigSubmitOutcome> {
  assertLaneServed(context, 'rig', 'rigSubmit');
  const idempotencyKey = options.idempotencyKey ?? randomUUID();
  const response = await sendAuthorized(context, 'rig', 'POST', routePath('rigSubmit'), {
    body,
    idempotencyKey,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (response.status === 202 || response.status === 200) {
    const accepted = parseResponse(acceptedSchema, response, ACTION);
    const retryAfterMs = parseRetryAfterHeader(response.headers['retry-after']);
    return {
      kind: 'accepted',
      attempt: accepted.attempt,
      ...(accepted.statusUrl !== undefined ? { statusUrl: accepted.statusUrl } : {}),
      idempotencyKey,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    };
  }
  const refusal = rigRefusalError(response, ACTION);
  if (refusal) throw refusal;
  const gone = challengeGone(response);
  if (gone) return gone;
  if (response.status === 403) throw forbiddenError(response, ACTION, 'rig');
  if (response.status === 422) {
    throw responseError(response, {
      action: ACTION,
      code: 'COORDINATOR_REFUSED',
      hint: 'This Idempotency-Key was already used for a different submission; submit again with a new key.',
    });
  }
  throw responseError(response, { action: ACTION });
}
