import { MinerError } from '../../errors.js';
import { describeNetworkError, isTimeoutError } from './network-errors.js';
import { redactSecrets } from './redact.js';
import { describeErrorBody } from './response-error.js';
import type { HttpResponse, ServiceLabel } from './types.js';

/** Why the last attempt failed: a retryable response, or a transport error. */
export type Failure = { kind: 'response'; response: HttpResponse } | { kind: 'network'; error: unknown };

export interface GiveUpContext {
  service: ServiceLabel;
  method: string;
  url: string;
  attempts: number;
  timeoutMs: number;
  secrets: readonly string[];
}

export const coordinatorService: ServiceLabel = {
  name: 'coordinator',
  unavailableCode: 'COORDINATOR_UNAVAILABLE',
  unavailableHint: 'Check COORDINATOR_URL and your network; if they are right, the coordinator is down: try again later.',
  rateLimitedHint:
    'Wait a few minutes before trying again; the limit is per operator wallet, so mine fewer rigs at once.',
};

/** The error after the attempt bound is used up: names the URL, the last status and the fix. */
export function exhaustedError(failure: Failure, context: GiveUpContext): MinerError {
  const { service, method, url, attempts } = context;
  const tries = `${attempts} attempt${attempts === 1 ? '' : 's'}`;
  if (failure.kind === 'network') {
    return new MinerError(
      service.unavailableCode,
      `Could not reach the ${service.name} at ${url} after ${tries}: ${describeNetworkError(failure.error, context.timeoutMs)}.`,
      { hint: service.unavailableHint, details: `${method} ${url}`, cause: failure.error },
    );
  }
  const { status, body } = failure.response;
  const said = describeErrorBody(body);
  const details = redactSecrets(`${method} ${url} → ${status}${said ? ` (${said})` : ''}`, context.secrets);
  if (status === 429) {
    return new MinerError('RATE_LIMITED', `The ${service.name} at ${url} was still rate-limiting (429) after ${tries}.`, {
      hint: service.rateLimitedHint,
      details,
    });
  }
  return new MinerError(service.unavailableCode, `The ${service.name} at ${url} still answered ${status} after ${tries}.`, {
    hint: service.unavailableHint,
    details,
  });
}

/** The server asked for a wait longer than we are willing to sleep: say when to come back. */
export function waitTooLongError(response: HttpResponse, waitMs: number, context: GiveUpContext): MinerError {
  const { service, url } = context;
  const seconds = Math.ceil(waitMs / 1000);
  const at = new Date(Date.now() + waitMs).toISOString();
  return new MinerError(
    response.status === 429 ? 'RATE_LIMITED' : service.unavailableCode,
    `The ${service.name} at ${url} answered ${response.status} and asked to wait ${seconds} s before retrying.`,
    { hint: `Try again after ${at}.`, details: `${context.method} ${url} → ${response.status}` },
  );
}

/** A transport failure that waiting will not fix (unknown host, bad certificate, bad URL). */
export function unreachableError(error: unknown, context: GiveUpContext): MinerError {
  const { service, url } = context;
  const what = redactSecrets(describeNetworkError(error, context.timeoutMs), context.secrets);
  return new MinerError(
    service.unavailableCode,
    isTimeoutError(error)
      ? `The ${service.name} at ${url} gave ${what}.`
      : `Could not reach the ${service.name} at ${url}: ${what}.`,
    {
      hint: isTimeoutError(error) ? (service.timeoutHint ?? service.unavailableHint) : service.unavailableHint,
      details: `${context.method} ${url}`,
      cause: error,
    },
  );
}
