/** Reading coordinator responses: zod-validated payloads, and errors that name the request. */
import type { z } from 'zod';
import { MinerError } from '../errors.js';
import { fieldProblems } from '../challenge/zod-issues.js';
import type { HttpResponse } from './http/types.js';

/**
 * Validates a response body against `schema`. A body of the wrong shape is a coordinator fault
 * (or a hostile one), so the error names the request and every offending field.
 */
export function parseResponse<S extends z.ZodType>(schema: S, response: HttpResponse, action: string): z.output<S> {
  const result = schema.safeParse(response.body);
  if (result.success) return result.data;
  const problems = fieldProblems(result.error, response.body)
    .slice(0, 5)
    .map((p) => `${p.path} ${p.message}`)
    .join('; ');
  return invalidResponse(response, action, problems);
}

/** Throws the INVALID_PAYLOAD error for an unusable response. */
export function invalidResponse(response: HttpResponse, action: string, problem: string): never {
  throw new MinerError('INVALID_PAYLOAD', `${action}: the coordinator's ${response.status} response is not what the protocol specifies (${problem}).`, {
    details: `${response.method} ${response.url} → ${response.status}`,
    hint: 'The coordinator may be running a newer protocol or be misconfigured; check COORDINATOR_URL and update botcoin-miner.',
  });
}
