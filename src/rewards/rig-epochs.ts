/**
 * The rig lane's per-epoch reward state. The rig contract's public ABI has no per-rig credit
 * views (spec/protocol.md §10), so the credited epochs come from the coordinator
 * (`GET /v1/credits?rigId&operator`, rig bearer token) and whether each one can be claimed now
 * is settled by simulating `claimRig(rigId, [epoch])` with `eth_call` — the contract itself
 * says funded, finalized, credited and unclaimed, whatever its internals.
 */
import { encodeFunctionData, type Address, type PublicClient } from 'viem';
import { botcoinMiningRigsAbi } from '../chain/abis/index.js';
import type { RevertReason } from '../chain/guard/index.js';
import type { CoordinatorContext } from '../protocol/context.js';
import { getCredits } from '../protocol/info/credits.js';
import { mapLimited, probeCall } from './read.js';
import { READ_CONCURRENCY, SCAN_EPOCHS, type EpochBlocker } from './wallet-epochs.js';

export interface RigEpochState {
  rigId: bigint;
  epochId: bigint;
  credits: bigint;
  claimed: boolean;
  bonusClaimed: boolean | undefined;
  claimable: boolean;
  blocker?: EpochBlocker | 'reverts';
  /** The simulated claim's revert, when it names one. */
  revert?: string;
}

export interface RigEpochQuery {
  rigId: bigint;
  operator: Address;
  current: bigint;
  /** Only these epochs; default: the credited epochs of the last `SCAN_EPOCHS` ended ones. */
  epochs?: readonly bigint[];
  span?: number;
}

export async function readRigEpochs(
  publicClient: PublicClient,
  coordinator: CoordinatorContext,
  rigMining: Address,
  query: RigEpochQuery,
): Promise<RigEpochState[]> {
  const info = await getCredits(coordinator, { rigId: query.rigId, operator: query.operator });
  const span = BigInt(query.span ?? SCAN_EPOCHS);
  const wanted = query.epochs ? new Set(query.epochs.map(String)) : undefined;
  const rows = info.epochs.filter((row) => (wanted ? wanted.has(row.epochId) : BigInt(row.epochId) + span >= query.current));
  return mapLimited(rows, READ_CONCURRENCY, async (row) => {
    const epochId = BigInt(row.epochId);
    const base = { rigId: query.rigId, epochId, credits: BigInt(row.credits), claimed: row.claimed === true, bonusClaimed: row.bonusClaimed };
    const early = epochId >= query.current ? 'running' : base.credits === 0n ? 'no_credits' : base.claimed ? 'claimed' : undefined;
    if (early) return { ...base, claimable: false, blocker: early };
    const data = encodeFunctionData({ abi: botcoinMiningRigsAbi, functionName: 'claimRig', args: [query.rigId, [epochId]] });
    const revert = await probeCall(publicClient, query.operator, rigMining, data);
    return revert ? { ...base, claimable: false, ...blockerOf(revert) } : { ...base, claimable: true };
  });
}

/** The contract's reason in the claim rule's words, where it has one. */
export function blockerOf(revert: RevertReason): { blocker: EpochBlocker | 'reverts'; revert: string } {
  const known: Record<string, EpochBlocker> = {
    EpochNotEnded: 'running',
    NoCredits: 'no_credits',
    EpochNotFunded: 'not_funded',
    NotBonusEpoch: 'not_funded',
    EpochNotFinalized: 'not_finalized',
    AlreadyClaimed: 'claimed',
  };
  return { blocker: known[revert.name] ?? 'reverts', revert: revert.name };
}
