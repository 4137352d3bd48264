/**
 * The rig lane's refusal codes (spec/protocol.md §5) and what each means for the miner: stop
 * (fix something first), retry later, or discard the work and fetch fresh work. The table is
 * data (rig-refusals.json); CHALLENGE_EXPIRED is the sandbox's code for an expired challenge.
 */
import { readFileSync } from 'node:fs';
import { MinerError, type ErrorCode } from '../../errors.js';
import { readErrorFields } from '../http/response-error.js';
import { requestedWaitMs } from '../http/retry-after.js';
import type { HttpResponse } from '../http/types.js';

/** What the miner does next: `stop` = needs a human or config change. */
export type RigNextStep = 'stop' | 'retry_later' | 'fresh_work';

interface RefusalRule {
  errorCode: ErrorCode;
  next: RigNextStep;
  hint: string;
}

const table = JSON.parse(readFileSync(new URL('./rig-refusals.json', import.meta.url), 'utf8')) as Record<string, RefusalRule>;

export const RIG_REFUSAL_CODES: readonly string[] = Object.keys(table);

export function rigRefusalRule(code: string | undefined): RefusalRule | undefined {
  return code === undefined ? undefined : table[code];
}

/** The rig refusal code a response body carries (`code` or `error`), if it is one we know. */
export function rigRefusalCode(body: unknown): string | undefined {
  const { code, error } = readErrorFields(body);
  return [code, error].find((value) => value !== undefined && value in table);
}

/** A coordinator refusal of a rig-lane call, with the protocol code and the miner's next step. */
export class RigRefusedError extends MinerError {
  override name = 'RigRefusedError';
  readonly refusal: string;
  readonly next: RigNextStep;
  /** The server's requested wait, when it named one. */
  readonly retryAfterMs: number | undefined;

  constructor(refusal: string, rule: RefusalRule, message: string, options: { details?: string; retryAfterMs?: number | undefined }) {
    super(rule.errorCode, message, { hint: rule.hint, ...(options.details !== undefined ? { details: options.details } : {}) });
    this.refusal = refusal;
    this.next = rule.next;
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** The typed error for a response carrying a known rig refusal code, or undefined. */
export function rigRefusalError(response: HttpResponse, action: string): RigRefusedError | undefined {
  const refusal = rigRefusalCode(response.body);
  const rule = rigRefusalRule(refusal);
  if (refusal === undefined || rule === undefined) return undefined;
  const { message } = readErrorFields(response.body);
  return new RigRefusedError(refusal, rule, `${action} was refused: ${refusal}${message ? ` (${message})` : ''}.`, {
    details: `${response.method} ${response.url} → ${response.status}`,
    retryAfterMs: requestedWaitMs(response.headers, response.body),
  });
}

export function isRigRefusedError(error: unknown): error is RigRefusedError {
  return error instanceof RigRefusedError;
}
