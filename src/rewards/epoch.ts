/**
 * The epoch clock as the chain sees it: the contract's `currentEpoch()` and the latest block's
 * timestamp (on the sandbox chain time is moved with `evm_increaseTime`, so wall time would
 * be wrong), with the epoch's end from `genesisTimestamp()` and the coordinator's duration.
 */
import type { Address, PublicClient } from 'viem';
import { botcoinMiningAbi } from '../chain/abis/index.js';
import type { CoordinatorBase } from '../protocol/context.js';
import { getEpoch } from '../protocol/info/epoch.js';
import { readChain } from './read.js';

export interface EpochStatus {
  epochId: bigint;
  /** The latest block's timestamp (seconds). */
  chainTime: bigint;
  durationSeconds: number | undefined;
  /** When the next epoch starts (seconds), when known. */
  endsAt: bigint | undefined;
  secondsLeft: bigint | undefined;
}

/** Reads the epoch from `contract` (either lane's contract answers `currentEpoch()`); the coordinator supplies the duration. */
export async function readEpoch(publicClient: PublicClient, contract: Address, coordinator?: CoordinatorBase): Promise<EpochStatus> {
  const [epochId, block, info] = await Promise.all([
    readChain(() => publicClient.readContract({ address: contract, abi: botcoinMiningAbi, functionName: 'currentEpoch' }) as Promise<bigint>, 'read currentEpoch()'),
    readChain(() => publicClient.getBlock({ blockTag: 'latest' }), 'read the latest block'),
    coordinator ? getEpoch(coordinator) : Promise.resolve(undefined),
  ]);
  const durationSeconds = info?.epochDurationSeconds;
  const endsAt = await epochEnd(publicClient, contract, epochId, info);
  return {
    epochId,
    chainTime: block.timestamp,
    durationSeconds,
    endsAt,
    secondsLeft: endsAt === undefined ? undefined : endsAt > block.timestamp ? endsAt - block.timestamp : 0n,
  };
}

/** genesis + (epoch + 1) × duration when the contract has `genesisTimestamp()`; else the coordinator's own figure if it agrees on the epoch. */
async function epochEnd(
  publicClient: PublicClient,
  contract: Address,
  epochId: bigint,
  info: { epochId: string; nextEpochStartTimestamp?: number | undefined; epochDurationSeconds?: number | undefined } | undefined,
): Promise<bigint | undefined> {
  if (info?.epochDurationSeconds !== undefined) {
    const genesis = await publicClient
      .readContract({ address: contract, abi: botcoinMiningAbi, functionName: 'genesisTimestamp' })
      .then((v) => v as bigint)
      .catch(() => undefined);
    if (genesis !== undefined) return genesis + (epochId + 1n) * BigInt(info.epochDurationSeconds);
  }
  if (info?.nextEpochStartTimestamp !== undefined && BigInt(info.epochId) === epochId) return BigInt(info.nextEpochStartTimestamp);
  return undefined;
}
