import { describe, expect, it } from 'vitest';
import { parseRetryAfterHeader, requestedWaitMs, retryAfterFromBody } from '../../../src/protocol/http/retry-after.js';

const now = Date.parse('2026-11-22T01:00:00Z');

describe('parseRetryAfterHeader', () => {
  it('reads delay-seconds', () => {
    expect(parseRetryAfterHeader('120', now)).toBe(120_000);
    expect(parseRetryAfterHeader(' 0 ', now)).toBe(0);
  });

  it('reads an HTTP-date relative to now, and a past date as no wait', () => {
    expect(parseRetryAfterHeader('Sun, 22 Nov 2026 01:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfterHeader('Sun, 22 Nov 2026 00:59:00 GMT', now)).toBe(0);
  });

  it('ignores absent and unparseable values', () => {
    expect(parseRetryAfterHeader(undefined, now)).toBeUndefined();
    expect(parseRetryAfterHeader('', now)).toBeUndefined();
    expect(parseRetryAfterHeader('soon', now)).toBeUndefined();
    expect(parseRetryAfterHeader('-5', now)).toBeUndefined();
  });
});

describe('retryAfterFromBody', () => {
  it('reads retryAfterSeconds at the top level or inside error', () => {
    expect(retryAfterFromBody({ error: 'rate_limited', retryAfterSeconds: 7 })).toBe(7_000);
    expect(retryAfterFromBody({ error: { code: 'RATE_LIMITED', retryAfterSeconds: '3' } })).toBe(3_000);
    expect(retryAfterFromBody({ retryAfterSeconds: -1 })).toBeUndefined();
    expect(retryAfterFromBody('retryAfterSeconds: 5')).toBeUndefined();
  });
});

describe('requestedWaitMs', () => {
  it('takes the larger of the header and the body', () => {
    expect(requestedWaitMs({ 'retry-after': '10' }, { retryAfterSeconds: 4 }, now)).toBe(10_000);
    expect(requestedWaitMs({ 'retry-after': '2' }, { retryAfterSeconds: 40 }, now)).toBe(40_000);
    expect(requestedWaitMs({}, {}, now)).toBeUndefined();
  });
});
