import { MinerError } from '../../errors.js';
import type { RevertReason } from './revert.js';

const DEFAULT_HINT =
  'Nothing was signed or sent. If the coordinator keeps offering this, stop mining and check the coordinator URL and its skill file.';

/** The guard's one way to say no: GUARD_REFUSED (exit code 6), saying exactly what is wrong. */
export function refusal(message: string, hint: string = DEFAULT_HINT, details?: string): MinerError {
  return new MinerError('GUARD_REFUSED', `Refusing to sign: ${message}`, { hint, ...(details ? { details } : {}) });
}

/** A GUARD_REFUSED whose simulation reverted: callers branch on `revert.name` (ChainMismatch → confirm in-flight receipts first). */
export class SimulationRevertedError extends MinerError {
  override name = 'SimulationRevertedError';
  readonly revert: RevertReason;

  constructor(message: string, revert: RevertReason, hint: string) {
    super('GUARD_REFUSED', `Refusing to sign: ${message}`, { hint });
    this.revert = revert;
  }
}

/** The node could not answer a read the guard needs: not a refusal, the chain is unreachable. */
export function chainUnavailable(what: string, error: unknown): MinerError {
  return new MinerError('CHAIN_UNAVAILABLE', `Could not ${what}: the chain node did not answer.`, {
    details: error instanceof Error ? error.message.split('\n')[0] : String(error),
    hint: 'Check the RPC URL (BASE_RPC_URL) and retry; nothing was signed or sent.',
    cause: error,
  });
}
