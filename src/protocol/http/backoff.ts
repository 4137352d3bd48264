/**
 * The retry schedule of spec/protocol.md §6, as pure functions so it can be tested without
 * sleeping: 2, 4, 8, 16, 30, 60 s (cap 60) plus 0–25 % jitter, never shorter than what the
 * server asked for (`Retry-After` / `retryAfterSeconds`), and a bounded number of attempts.
 */

export interface RetryPolicy {
  /** Total attempts including the first one. Bounded because every model attempt costs money. */
  maxAttempts: number;
  /** Delay before retry n is `delaysMs[n - 1]`; the last entry repeats. */
  delaysMs: readonly number[];
  /** Upper bound of the scheduled delay before jitter. */
  maxDelayMs: number;
  /** Jitter as a fraction of the scheduled delay, added on top (0.25 = up to +25 %). */
  jitter: number;
  /**
   * A server that asks us to wait longer than this is not retried: the caller gets a clear
   * error saying when to come back, instead of a process that silently sleeps for an hour.
   */
  maxRetryAfterMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 6,
  delaysMs: [2_000, 4_000, 8_000, 16_000, 30_000, 60_000],
  maxDelayMs: 60_000,
  jitter: 0.25,
  maxRetryAfterMs: 300_000,
};

export function resolveRetryPolicy(overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  return { ...defaultRetryPolicy, ...overrides };
}

export interface BackoffOptions {
  /** The server's requested wait (the larger of `Retry-After` and `retryAfterSeconds`), in ms. */
  retryAfterMs?: number | undefined;
  /** A source of uniform numbers in [0, 1); injectable for tests. */
  random?: () => number;
  policy?: RetryPolicy;
}

/** The wait before retry number `retry` (1 = the first retry), in milliseconds. */
export function backoffDelayMs(retry: number, options: BackoffOptions = {}): number {
  const policy = options.policy ?? defaultRetryPolicy;
  const random = options.random ?? Math.random;
  const index = Math.min(Math.max(retry, 1), policy.delaysMs.length) - 1;
  const scheduled = Math.min(policy.delaysMs[index] ?? policy.maxDelayMs, policy.maxDelayMs);
  const jittered = Math.round(scheduled * (1 + policy.jitter * random()));
  return Math.max(jittered, Math.ceil(options.retryAfterMs ?? 0));
}

/** 429 and 5xx are worth another try; every other status is the caller's to interpret. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}
