/** The coordinator transport: one client, the protocol's retry policy, error helpers. */
export { createHttpClient } from './client.js';
export { backoffDelayMs, defaultRetryPolicy, isRetryableStatus, resolveRetryPolicy, type RetryPolicy, type BackoffOptions } from './backoff.js';
export { parseRetryAfterHeader, retryAfterFromBody, requestedWaitMs } from './retry-after.js';
export { readErrorFields, describeErrorBody, responseError, type ErrorFields, type ResponseErrorOptions } from './response-error.js';
export { coordinatorService } from './give-up.js';
export { userAgent } from './user-agent.js';
export { redactSecrets, secretHeaderValues } from './redact.js';
export { displayUrl, buildUrl, type QueryValue } from './url.js';
export type { HttpClient, HttpClientOptions, HttpResponse, RequestOptions, RetryEvent, ServiceLabel, Sleep } from './types.js';
