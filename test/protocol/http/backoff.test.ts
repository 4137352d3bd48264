import { describe, expect, it } from 'vitest';
import { backoffDelayMs, defaultRetryPolicy, isRetryableStatus, resolveRetryPolicy } from '../../../src/protocol/http/backoff.js';

const noJitter = (): number => 0;
const fullJitter = (): number => 0.999_999;

describe('backoffDelayMs', () => {
  it('follows 2, 4, 8, 16, 30, 60 s and then stays at the 60 s cap', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8].map((retry) => backoffDelayMs(retry, { random: noJitter }));
    expect(delays).toEqual([2_000, 4_000, 8_000, 16_000, 30_000, 60_000, 60_000, 60_000]);
  });

  it('adds at most 25 % jitter and never less than the schedule', () => {
    const schedule = [2_000, 4_000, 8_000, 16_000, 30_000, 60_000, 60_000];
    schedule.forEach((base, index) => {
      const high = backoffDelayMs(index + 1, { random: fullJitter });
      expect(high).toBeGreaterThan(base);
      expect(high).toBeLessThanOrEqual(base * 1.25);
      for (const r of [0.1, 0.5, 0.9]) {
        const value = backoffDelayMs(index + 1, { random: () => r });
        expect(value).toBe(Math.round(base * (1 + 0.25 * r)));
      }
    });
  });

  it('waits at least what the server asked for, even beyond the cap', () => {
    expect(backoffDelayMs(1, { random: noJitter, retryAfterMs: 45_000 })).toBe(45_000);
    expect(backoffDelayMs(6, { random: noJitter, retryAfterMs: 90_000 })).toBe(90_000);
    // A shorter request than the schedule does not shorten the backoff.
    expect(backoffDelayMs(3, { random: noJitter, retryAfterMs: 1_000 })).toBe(8_000);
  });

  it('uses a configured schedule and cap', () => {
    const policy = resolveRetryPolicy({ delaysMs: [1, 2, 500], maxDelayMs: 100, jitter: 0 });
    expect([1, 2, 3, 4].map((retry) => backoffDelayMs(retry, { policy }))).toEqual([1, 2, 100, 100]);
    expect(policy.maxAttempts).toBe(defaultRetryPolicy.maxAttempts);
  });
});

describe('isRetryableStatus', () => {
  it('retries 429 and 5xx only', () => {
    const retryable = [200, 301, 400, 401, 403, 404, 409, 422, 429, 500, 502, 503, 504, 529].filter(isRetryableStatus);
    expect(retryable).toEqual([429, 500, 502, 503, 504, 529]);
  });
});
