import { setTimeout as delay } from 'node:timers/promises';
import { Agent } from 'undici';
import { backoffDelayMs, isRetryableStatus, resolveRetryPolicy } from './backoff.js';
import { coordinatorService, exhaustedError, unreachableError, waitTooLongError, type Failure, type GiveUpContext } from './give-up.js';
import { isTimeoutError, isTransientNetworkError } from './network-errors.js';
import { secretHeaderValues } from './redact.js';
import { requestedWaitMs } from './retry-after.js';
import { sendOnce } from './send-once.js';
import type { HttpClient, HttpClientOptions, HttpResponse, RequestOptions } from './types.js';
import { buildUrl, displayUrl } from './url.js';
import { userAgent as defaultUserAgent } from './user-agent.js';

const DEFAULT_TIMEOUT_MS = 30_000;
const MAX_CONNECT_TIMEOUT_MS = 10_000;

const defaultSleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  delay(ms, undefined, signal === undefined ? {} : { signal });

/**
 * The HTTP client every coordinator call goes through (and the model providers reuse): keep-alive
 * connections, a per-attempt timeout, a real User-Agent, and the retry policy of protocol §6.
 * Retryable failures are retried with backoff; other statuses are returned for the caller to
 * interpret (see `responseError`).
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const policy = resolveRetryPolicy(options.retry);
  const sleep = options.sleep ?? defaultSleep;
  const service = options.service ?? coordinatorService;
  const retryTimeouts = options.retryTimeouts ?? true;
  const shouldRetry = options.shouldRetry ?? ((response: HttpResponse) => isRetryableStatus(response.status));
  const agent = new Agent({
    keepAliveTimeout: 10_000,
    connect: { timeout: Math.min(timeoutMs, MAX_CONNECT_TIMEOUT_MS) },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  const baseHeaders: Record<string, string> = {
    'user-agent': options.userAgent ?? defaultUserAgent(),
    accept: 'application/json',
    ...lowerCaseKeys(options.headers ?? {}),
  };

  async function send(method: string, path: string, request: RequestOptions = {}): Promise<HttpResponse> {
    const url = buildUrl(options.baseUrl, path, request.query);
    const headers = { ...baseHeaders, ...lowerCaseKeys(request.headers ?? {}) };
    if (request.idempotencyKey !== undefined) headers['idempotency-key'] = request.idempotencyKey;
    const body = request.body === undefined ? undefined : JSON.stringify(request.body);
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const attemptTimeoutMs = request.timeoutMs ?? timeoutMs;
    const maxAttempts = Math.max(1, request.maxAttempts ?? policy.maxAttempts);
    const context = (attempts: number): GiveUpContext => ({
      service,
      method,
      url: displayUrl(url),
      attempts,
      timeoutMs: attemptTimeoutMs,
      secrets: secretHeaderValues(headers),
    });

    for (let attempt = 1; ; attempt++) {
      let failure: Failure;
      try {
        const signal = attemptSignal(attemptTimeoutMs, request.signal);
        const raw = await sendOnce(agent, { method, url, headers, body, signal });
        const response: HttpResponse = { ...raw, method, url: displayUrl(url), attempts: attempt };
        if (!shouldRetry(response)) return response;
        failure = { kind: 'response', response };
      } catch (error) {
        if (request.signal?.aborted) throw request.signal.reason;
        const retryable = isTransientNetworkError(error) && (retryTimeouts || !isTimeoutError(error));
        if (!retryable) throw unreachableError(error, context(attempt));
        failure = { kind: 'network', error };
      }
      if (attempt >= maxAttempts) throw exhaustedError(failure, context(attempt));

      const waitMs = failure.kind === 'response' ? requestedWaitMs(failure.response.headers, failure.response.body) : undefined;
      if (failure.kind === 'response' && waitMs !== undefined && waitMs > policy.maxRetryAfterMs) {
        throw waitTooLongError(failure.response, waitMs, context(attempt));
      }
      const delayMs = backoffDelayMs(attempt, { retryAfterMs: waitMs, policy, ...(options.random ? { random: options.random } : {}) });
      options.onRetry?.({
        method,
        url: displayUrl(url),
        attempt,
        delayMs,
        ...(failure.kind === 'response' ? { status: failure.response.status } : {}),
        reason: failure.kind === 'response' ? `status ${failure.response.status}` : describeFailure(failure.error),
      });
      await sleep(delayMs, request.signal);
    }
  }

  return {
    baseUrl: options.baseUrl,
    get: (path, request) => send('GET', path, request),
    post: (path, request) => send('POST', path, request),
    request: (method, path, request) => send(method.toUpperCase(), path, request),
    close: () => agent.close(),
  };
}

/** The caller's cancellation plus this attempt's own deadline (covers connect, headers and body). */
function attemptSignal(timeoutMs: number, signal: AbortSignal | undefined): AbortSignal {
  const timeout = AbortSignal.timeout(timeoutMs);
  return signal === undefined ? timeout : AbortSignal.any([signal, timeout]);
}

function describeFailure(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : error instanceof Error ? error.name : 'network error';
}

function lowerCaseKeys(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}
