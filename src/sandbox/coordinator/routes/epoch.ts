/** GET /v1/epoch and GET /v1/token: the epoch clock and token metadata, read from chain. */
import type { Handler } from 'hono';
import { erc20Abi } from 'viem';
import type { CoordinatorDeps } from '../deps.js';
import type { CoordinatorEnv } from '../env.js';

export function epochInfo(deps: CoordinatorDeps): Handler<CoordinatorEnv> {
  return async (c) => {
    const epochId = await deps.reader.currentEpoch();
    const { genesisTimestamp, epochDurationSeconds } = deps.clock;
    return c.json({
      epochId: epochId.toString(),
      prevEpochId: epochId > 0n ? (epochId - 1n).toString() : null,
      nextEpochStartTimestamp: Number(genesisTimestamp + (epochId + 1n) * epochDurationSeconds),
      epochDurationSeconds: Number(epochDurationSeconds),
    });
  };
}

export function tokenInfo(deps: CoordinatorDeps): Handler<CoordinatorEnv> {
  return async (c) => {
    const address = deps.reader.contracts.botcoin;
    const read = <T>(functionName: 'name' | 'symbol' | 'decimals' | 'totalSupply'): Promise<T> =>
      deps.reader.read<T>(address, erc20Abi, functionName);
    const [name, symbol, decimals, totalSupply] = await Promise.all([
      read<string>('name'),
      read<string>('symbol'),
      read<number>('decimals'),
      read<bigint>('totalSupply'),
    ]);
    return c.json({
      address,
      name,
      symbol,
      decimals,
      totalSupply: totalSupply.toString(),
      chainId: deps.chainId,
      miningContract: deps.reader.contracts.mining,
      rigMiningContract: deps.reader.contracts.rigMining,
    });
  };
}
