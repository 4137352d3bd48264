/** Chain reads for the rewards commands: a node that does not answer is CHAIN_UNAVAILABLE (exit 3), said once. */
import { BaseError, ContractFunctionRevertedError, ContractFunctionZeroDataError, type Address, type Hex, type PublicClient } from 'viem';
import { MinerError } from '../errors.js';
import { classifyRevert, type RevertReason } from '../chain/guard/index.js';

export async function readChain<T>(read: () => Promise<T>, what: string): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof BaseError && error.walk((e) => e instanceof ContractFunctionZeroDataError || e instanceof ContractFunctionRevertedError)) {
      throw new MinerError('CONFIG', `Could not ${what}: the contract does not answer it (wrong address or chain?).`, {
        details: error.shortMessage,
        hint: 'Check that --rpc points at the chain the coordinator serves (see `botcoin-miner doctor`).',
        cause: error,
      });
    }
    throw new MinerError('CHAIN_UNAVAILABLE', `Could not ${what}: the chain node did not answer.`, {
      details: error instanceof Error ? error.message.split('\n')[0] : String(error),
      hint: 'Check the RPC URL (--rpc or BASE_RPC_URL) and retry.',
      cause: error,
    });
  }
}

/**
 * Runs a call with `eth_call` and returns why it would revert, or undefined when it succeeds.
 * Used to sort candidate claims without sending anything (claims are all-or-nothing batches).
 */
export async function probeCall(publicClient: PublicClient, from: Address, to: Address, data: Hex): Promise<RevertReason | undefined> {
  try {
    await publicClient.call({ account: from, to, data, value: 0n });
    return undefined;
  } catch (error) {
    const reason = classifyRevert(error);
    if (reason) return reason;
    throw new MinerError('CHAIN_UNAVAILABLE', 'Could not simulate a claim: the chain node did not answer.', {
      details: error instanceof Error ? error.message.split('\n')[0] : String(error),
      hint: 'Check the RPC URL (--rpc or BASE_RPC_URL) and retry; nothing was sent.',
      cause: error,
    });
  }
}

/** Runs `tasks` with at most `limit` in flight: public RPC nodes throttle bursts of calls. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
