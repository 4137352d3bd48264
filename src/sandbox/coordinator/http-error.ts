/**
 * Refusals as the coordinator sends them: an HTTP status plus a JSON body
 * `{error: <stable code>, message: <what happened and what to do>[, ...extra]}`.
 * Handlers throw `HttpError`; the app's error handler turns it into the response.
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  body(): Record<string, unknown> {
    return { error: this.code, message: this.message, ...this.extra };
  }
}

/** 429 with both `Retry-After` and `retryAfterSeconds`, as production sends them. */
export function rateLimited(retryAfterSeconds: number, message: string): HttpError {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return new HttpError(429, 'rate_limited', message, { retryAfterSeconds: seconds }, { 'Retry-After': String(seconds) });
}

export function badRequest(code: string, message: string): HttpError {
  return new HttpError(400, code, message);
}
