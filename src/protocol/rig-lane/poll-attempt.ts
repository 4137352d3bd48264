/**
 * GET /v1/rig/attempt/{attemptId}?operator (spec/protocol.md §5), once or until the attempt
 * reaches a terminal status. Polls every few seconds, honouring `Retry-After`, and gives up
 * after `maxWaitMs` with an error that says how to resume.
 */
import type { Address } from 'viem';
import { MinerError } from '../../errors.js';
import { requireAuth, sendAuthorized } from '../auth/authorized.js';
import type { CoordinatorContext } from '../context.js';
import { forbiddenError } from '../forbidden.js';
import { responseError } from '../http/response-error.js';
import { parseRetryAfterHeader } from '../http/retry-after.js';
import { parseResponse } from '../response.js';
import { assertLaneServed, routePath } from '../routes.js';
import { attemptOutcome, attemptSchema, isTerminalStatus, type AttemptOutcome, type RigAttemptView } from './attempt.js';
import { rigRefusalError } from './refusals.js';

export interface GetAttemptParams {
  /** Default: the signed-in wallet. */
  operator?: Address;
  signal?: AbortSignal;
}

export interface AttemptState {
  attempt: RigAttemptView;
  /** Set once the attempt is terminal. */
  outcome?: AttemptOutcome;
  /** The coordinator's `Retry-After`, when it sent one. */
  retryAfterMs?: number;
}

const ACTION = 'Reading a rig attempt';

export async function getAttempt(context: CoordinatorContext, attemptId: string, params: GetAttemptParams = {}): Promise<AttemptState> {
  assertLaneServed(context, 'rig', 'rigAttempt');
  const operator = params.operator ?? requireAuth(context).address;
  const response = await sendAuthorized(context, 'rig', 'GET', routePath('rigAttempt', { attemptId }), {
    query: { operator },
    ...(params.signal ? { signal: params.signal } : {}),
  });
  if (response.status !== 200) {
    if (response.status === 404) {
      throw responseError(response, { action: ACTION, hint: 'The coordinator does not know this attempt (it may have restarted); fetch fresh work for the rig.' });
    }
    throw rigRefusalError(response, ACTION) ?? (response.status === 403 ? forbiddenError(response, ACTION, 'rig') : responseError(response, { action: ACTION }));
  }
  const attempt = parseResponse(attemptSchema, response, ACTION);
  const retryAfterMs = parseRetryAfterHeader(response.headers['retry-after']);
  return {
    attempt,
    ...(isTerminalStatus(attempt.status) ? { outcome: attemptOutcome(attempt, response) } : {}),
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  };
}

export interface PollAttemptOptions extends GetAttemptParams {
  /** Give up after this long (default 10 minutes). */
  maxWaitMs?: number;
  /** The wait between polls when the coordinator suggests none (default 3 s). */
  intervalMs?: number;
  /** Wait this long before the first poll (e.g. the submit's Retry-After). */
  initialDelayMs?: number;
  /** Called after each non-terminal poll (progress display). */
  onPoll?: (state: AttemptState) => void;
}

const DEFAULT_INTERVAL_MS = 3_000;
const DEFAULT_MAX_WAIT_MS = 10 * 60_000;
/** Never hammer the coordinator, whatever Retry-After says; never sleep past a minute at a time. */
const MIN_INTERVAL_MS = 250;
const MAX_INTERVAL_MS = 60_000;

export async function pollAttempt(context: CoordinatorContext, attemptId: string, options: PollAttemptOptions = {}): Promise<AttemptOutcome> {
  const started = context.now();
  const maxWaitMs = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
  if (options.initialDelayMs) await context.sleep(clampInterval(options.initialDelayMs), options.signal);
  for (let polls = 1; ; polls++) {
    const state = await getAttempt(context, attemptId, options);
    if (state.outcome) return state.outcome;
    options.onPoll?.(state);
    const waitMs = clampInterval(state.retryAfterMs ?? options.intervalMs ?? DEFAULT_INTERVAL_MS);
    const elapsed = context.now() - started;
    if (elapsed + waitMs > maxWaitMs) {
      throw new MinerError('COORDINATOR_UNAVAILABLE', `Rig attempt ${attemptId} is still "${state.attempt.status}" after ${Math.round(elapsed / 1000)} s (${polls} polls).`, {
        hint: `The coordinator is slow to process it; poll again later with the attempt id ${attemptId} (do not resubmit: it may still be signed).`,
      });
    }
    await context.sleep(waitMs, options.signal);
  }
}

function clampInterval(ms: number): number {
  return Math.min(MAX_INTERVAL_MS, Math.max(MIN_INTERVAL_MS, ms));
}
