/**
 * Typed errors, after viem's BaseError: a stable `code` (it becomes the JSON error code and
 * picks the process exit code), a one-line `shortMessage` a user can act on, a `hint` saying
 * what to do next, optional `details`, and the `cause` chain.
 */

/** Process exit codes, as documented in README.md and skill.md. */
export const ExitCode = {
  ok: 0,
  unexpected: 1,
  badInput: 2,
  unavailable: 3,
  refused: 4,
  unsolved: 5,
  transaction: 6,
  cap: 7,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** Every error code the engine raises, and the exit code it maps to. */
export const errorCodes = {
  UNEXPECTED: ExitCode.unexpected,
  BAD_USAGE: ExitCode.badInput,
  INVALID_INPUT: ExitCode.badInput,
  INVALID_PAYLOAD: ExitCode.badInput,
  INVALID_SOLUTION: ExitCode.badInput,
  FILE_NOT_FOUND: ExitCode.badInput,
  CONFIG: ExitCode.badInput,
  WALLET: ExitCode.badInput,
  NETWORK: ExitCode.unavailable,
  COORDINATOR_UNAVAILABLE: ExitCode.unavailable,
  CHAIN_UNAVAILABLE: ExitCode.unavailable,
  MODEL_UNAVAILABLE: ExitCode.unavailable,
  SANDBOX: ExitCode.unavailable,
  AUTH_REFUSED: ExitCode.refused,
  NOT_ELIGIBLE: ExitCode.refused,
  RATE_LIMITED: ExitCode.refused,
  COORDINATOR_REFUSED: ExitCode.refused,
  MODEL_REFUSED: ExitCode.refused,
  UNSOLVED: ExitCode.unsolved,
  CHECK_FAILED: ExitCode.unsolved,
  GUARD_REFUSED: ExitCode.transaction,
  TX_REVERTED: ExitCode.transaction,
  /** The node refused a signed transaction (fees, funds, nonce): it never reached a block. */
  TX_REJECTED: ExitCode.transaction,
  CAP_REACHED: ExitCode.cap,
} as const satisfies Record<string, ExitCode>;
export type ErrorCode = keyof typeof errorCodes;

export interface MinerErrorOptions {
  /** What to do next, in one line. */
  hint?: string;
  /** The underlying cause's text or extra facts (never secrets). */
  details?: string;
  cause?: unknown;
}

export class MinerError extends Error {
  override name = 'MinerError';
  readonly code: ErrorCode;
  readonly shortMessage: string;
  readonly hint: string | undefined;
  readonly details: string | undefined;

  constructor(code: ErrorCode, shortMessage: string, options: MinerErrorOptions = {}) {
    const lines = [shortMessage];
    if (options.details) lines.push(`Details: ${options.details}`);
    if (options.hint) lines.push(`Hint: ${options.hint}`);
    super(lines.join('\n'), options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.shortMessage = shortMessage;
    this.hint = options.hint;
    this.details = options.details;
  }

  get exitCode(): ExitCode {
    return errorCodes[this.code];
  }

  /** Follows the cause chain and returns the first error `match` accepts (default: the root). */
  walk(match?: (error: unknown) => boolean): unknown {
    let current: unknown = this;
    while (current) {
      if (match?.(current)) return current;
      const next = (current as { cause?: unknown }).cause;
      if (!next) return match ? undefined : current;
      current = next;
    }
    return undefined;
  }

  toJSON(): { code: ErrorCode; message: string; hint?: string; details?: string } {
    return {
      code: this.code,
      message: this.shortMessage,
      ...(this.hint ? { hint: this.hint } : {}),
      ...(this.details ? { details: this.details } : {}),
    };
  }
}

export function isMinerError(error: unknown): error is MinerError {
  return error instanceof MinerError;
}
