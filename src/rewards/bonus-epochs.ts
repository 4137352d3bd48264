/**
 * Bonus epochs (spec/protocol.md §11: about one epoch in ten) have a separate claim,
 * `claimBonus`. Which credited epochs are bonus epochs with claims open comes from the
 * coordinator (`GET /v1/bonus/status?epochs`); whether each one pays this account now is
 * settled by simulating the coordinator's own one-epoch bonus claim with `eth_call` (the public
 * ABIs have no bonus-claimed view, and production's rig bonus may live on another contract,
 * RigAwareBonusEpoch). A simulation sends nothing; the guard still checks the real claim.
 */
import type { Address, PublicClient } from 'viem';
import type { CoordinatorBase } from '../protocol/context.js';
import { getBonusClaimCalldata, getBonusStatus, type BonusStatus } from '../protocol/info/claims.js';
import { mapLimited, probeCall } from './read.js';
import { blockerOf } from './rig-epochs.js';
import { READ_CONCURRENCY, type EpochBlocker } from './wallet-epochs.js';

export interface BonusEpochState {
  epochId: bigint;
  rigId?: bigint;
  /** The epoch's whole bonus pot (base units), as the coordinator reports it. */
  bonusReward: bigint;
  claimable: boolean;
  blocker?: EpochBlocker | 'reverts';
  revert?: string;
}

/** Whose bonus: the wallet lane's miner, or a rig (claimed by its operator). */
export interface BonusTarget {
  sender: Address;
  rigId?: bigint;
}

/** The bonus epochs among `creditedEpochs` (ended epochs this account has credits in). */
export async function readBonusEpochs(
  publicClient: PublicClient,
  coordinator: CoordinatorBase,
  target: BonusTarget,
  creditedEpochs: readonly bigint[],
): Promise<BonusEpochState[]> {
  if (creditedEpochs.length === 0) return [];
  const rigId = target.rigId;
  const rows: BonusRow[] = [];
  for (let i = 0; i < creditedEpochs.length; i += 64) {
    const status = await getBonusStatus(coordinator, { epochs: creditedEpochs.slice(i, i + 64), ...(rigId !== undefined ? { rigId } : {}) });
    if (!status.enabled) return [];
    rows.push(...bonusRows(status));
  }
  const bonus = rows.filter((row) => row.isBonusEpoch === true && row.epochId !== undefined);
  return mapLimited(bonus, READ_CONCURRENCY, async (row) => {
    const epochId = BigInt(row.epochId as string);
    const base = { epochId, ...(rigId !== undefined ? { rigId } : {}), bonusReward: BigInt(row.rewardRaw ?? '0') };
    if (row.claimsOpen === false) return { ...base, claimable: false, blocker: 'not_finalized' as const };
    const { transaction } = await getBonusClaimCalldata(coordinator, { epochs: [epochId], ...(rigId !== undefined ? { rigId } : {}) });
    const revert = await probeCall(publicClient, target.sender, transaction.to, transaction.data);
    return revert ? { ...base, claimable: false, ...blockerOf(revert) } : { ...base, claimable: true };
  });
}

type BonusRow = NonNullable<BonusStatus['epochs']>[number];

/** One row per epoch: the `epochs` list when present, else the top-level single-epoch fields. */
function bonusRows(status: BonusStatus): BonusRow[] {
  return status.epochs ?? [status];
}
