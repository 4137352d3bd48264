import { BaseError, ContractFunctionRevertedError, decodeErrorResult, isHex, type Hex } from 'viem';
import { knownAbi } from './known-abis.js';

/** Why a call reverted: the custom error's name and arguments, or `Error`/`Panic`, or `unknown`. */
export interface RevertReason {
  name: string;
  args: readonly unknown[];
  /** The raw revert data, when the node returned any. */
  data?: Hex;
}

/**
 * Names the revert in a viem error (`ContractFunctionRevertedError`, `CallExecutionError`, the
 * node's raw RPC error) or in raw revert data, decoding custom errors with every known ABI.
 * Returns undefined when the error is no revert at all (a network failure, a bad request).
 */
export function classifyRevert(errorOrData: unknown): RevertReason | undefined {
  if (typeof errorOrData === 'string') return isHex(errorOrData) ? decodeRevertData(errorOrData) : undefined;
  if (!(errorOrData instanceof BaseError)) return undefined;
  const reverted = errorOrData.walk((e) => e instanceof ContractFunctionRevertedError);
  if (reverted instanceof ContractFunctionRevertedError) {
    if (reverted.data) return { name: reverted.data.errorName, args: reverted.data.args ?? [], ...(reverted.raw ? { data: reverted.raw } : {}) };
    if (reverted.raw) return decodeRevertData(reverted.raw);
    if (reverted.reason) return { name: 'Error', args: [reverted.reason] };
    return { name: 'unknown', args: [] };
  }
  const data = revertData(errorOrData);
  if (data !== undefined) return decodeRevertData(data);
  // A revert without data ("execution reverted") is still a revert, only an anonymous one.
  if (errorOrData.walk((e) => /execution reverted/i.test((e as Error).message ?? ''))) return { name: 'unknown', args: [] };
  return undefined;
}

function decodeRevertData(data: Hex): RevertReason {
  if (data.length < 10) return { name: 'unknown', args: [], data };
  try {
    const decoded = decodeErrorResult({ abi: knownAbi, data });
    return { name: decoded.errorName, args: decoded.args ?? [], data };
  } catch {
    return { name: 'unknown', args: [], data };
  }
}

/** The first hex `data` in the cause chain (viem's RawContractError, or the RPC error's data). */
function revertData(error: BaseError): Hex | undefined {
  let found: Hex | undefined;
  error.walk((e) => {
    const data = (e as { data?: unknown }).data;
    const candidate = typeof data === 'object' && data !== null ? (data as { data?: unknown }).data : data;
    if (typeof candidate === 'string' && isHex(candidate)) found = candidate;
    return found !== undefined;
  });
  return found;
}
