/**
 * How long a server asked us to wait: the `Retry-After` header (delay-seconds or an HTTP-date)
 * and a JSON body's `retryAfterSeconds` (top level or inside `error`). The protocol says to
 * wait at least the larger of the two.
 */

/** `Retry-After` in milliseconds, or undefined when absent or unparseable. */
export function parseRetryAfterHeader(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
  // All three HTTP-date forms name a month and carry hh:mm:ss; Date.parse alone accepts "-5".
  if (!/[A-Za-z]{3}/.test(text) || !/\d{2}:\d{2}:\d{2}/.test(text)) return undefined;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** A JSON body's `retryAfterSeconds` in milliseconds, or undefined. */
export function retryAfterFromBody(body: unknown): number | undefined {
  if (!isRecord(body)) return undefined;
  const candidates = [body.retryAfterSeconds, isRecord(body.error) ? body.error.retryAfterSeconds : undefined];
  for (const candidate of candidates) {
    const seconds = typeof candidate === 'string' ? Number(candidate) : candidate;
    if (typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  }
  return undefined;
}

/** The larger of the header's and the body's requested wait, in milliseconds. */
export function requestedWaitMs(
  headers: Readonly<Record<string, string>>,
  body: unknown,
  now: number = Date.now(),
): number | undefined {
  const values = [parseRetryAfterHeader(headers['retry-after'], now), retryAfterFromBody(body)].filter(
    (v): v is number => v !== undefined,
  );
  return values.length === 0 ? undefined : Math.max(...values);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
