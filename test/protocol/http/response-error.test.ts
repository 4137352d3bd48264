import { describe, expect, it } from 'vitest';
import { readErrorFields, responseError } from '../../../src/protocol/http/response-error.js';
import type { HttpResponse } from '../../../src/protocol/http/types.js';

function response(status: number, body: unknown): HttpResponse {
  return { status, body, headers: {}, method: 'POST', url: 'http://127.0.0.1:9/v1/rig/submit', attempts: 1 };
}

describe('readErrorFields', () => {
  it('reads the flat and the nested error shapes', () => {
    expect(readErrorFields({ error: 'challenge_manifest_mismatch', message: 'Manifest changed', code: 'E1' })).toEqual({
      error: 'challenge_manifest_mismatch',
      message: 'Manifest changed',
      code: 'E1',
    });
    expect(readErrorFields({ error: { code: 'RIG_ZERO_CREDITS', message: 'Rig 7 has no credits' } })).toEqual({
      code: 'RIG_ZERO_CREDITS',
      message: 'Rig 7 has no credits',
    });
    expect(readErrorFields('<html>')).toEqual({});
  });
});

describe('responseError', () => {
  it("carries the coordinator's code and message, the status and a hint", () => {
    const error = responseError(response(409, { error: 'challenge_manifest_mismatch', message: 'Manifest changed' }), {
      action: 'Submitting the solve',
    });
    expect(error.code).toBe('COORDINATOR_REFUSED');
    expect(error.shortMessage).toBe('Submitting the solve failed with status 409: challenge_manifest_mismatch: Manifest changed');
    expect(error.hint).toMatch(/new challenge/);
  });

  it('picks codes from the status unless told otherwise', () => {
    expect(responseError(response(401, {})).code).toBe('AUTH_REFUSED');
    expect(responseError(response(429, {})).code).toBe('RATE_LIMITED');
    expect(responseError(response(503, {})).code).toBe('COORDINATOR_UNAVAILABLE');
    expect(responseError(response(403, { code: 'RIG_OPERATOR_NOT_AUTHORIZED' }), { code: 'NOT_ELIGIBLE' }).code).toBe('NOT_ELIGIBLE');
  });

  it('names the request without a query string by default', () => {
    const error = responseError(response(404, 'Not Found'));
    expect(error.shortMessage).toBe('POST http://127.0.0.1:9/v1/rig/submit failed with status 404: Not Found');
  });
});
