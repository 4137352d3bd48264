/**
 * Finds everything claimable for the wallet lane's miner or for each rig, by itself: regular
 * epochs (wallet-epochs.ts / rig-epochs.ts) and bonus epochs (bonus-epochs.ts), grouped into
 * claim transactions of at most 64 epochs (the contracts' batch limit).
 */
import type { Address, PublicClient } from 'viem';
import type { CoordinatorContext } from '../protocol/context.js';
import { readBonusEpochs, type BonusEpochState } from './bonus-epochs.js';
import { readRigEpochs, type RigEpochState } from './rig-epochs.js';
import { readWalletEpochs, scanEpochs, SCAN_EPOCHS, type WalletEpochState } from './wallet-epochs.js';

export const MAX_CLAIM_EPOCHS = 64;

export interface ClaimBatch {
  kind: 'claim' | 'bonus_claim';
  /** Rig lane: the rig claimed for. */
  rigId?: bigint;
  epochs: bigint[];
  /** What the batch should pay (wallet lane: Σ reward × credits / total); undefined where the shares are not public. */
  expected?: bigint;
}

export type ClaimTarget =
  | { lane: 'wallet'; mining: Address; miner: Address }
  | { lane: 'rig'; rigMining: Address; operator: Address; rigIds: readonly bigint[] };

export interface ClaimScanOptions {
  current: bigint;
  /** Only these epochs (`--epochs`); default the last `span` ended epochs. */
  epochs?: readonly bigint[];
  span?: number;
}

export interface ClaimScan {
  /** Wallet lane: one row per scanned epoch with credits (or named with --epochs). */
  walletEpochs: WalletEpochState[];
  /** Rig lane: one row per credited epoch per rig. */
  rigEpochs: RigEpochState[];
  bonus: BonusEpochState[];
  batches: ClaimBatch[];
}

/** Reads the claim state of every candidate epoch and groups the claimable ones into batches. */
export async function findClaims(
  publicClient: PublicClient,
  coordinator: CoordinatorContext,
  target: ClaimTarget,
  options: ClaimScanOptions,
): Promise<ClaimScan> {
  const epochs = options.epochs ?? scanEpochs(options.current, options.span ?? SCAN_EPOCHS);
  if (target.lane === 'wallet') {
    const states = await readWalletEpochs(publicClient, target.mining, target.miner, epochs, options.current);
    const walletEpochs = options.epochs ? states : states.filter((s) => s.credits > 0n);
    const credited = walletEpochs.filter((s) => s.credits > 0n && s.epochId < options.current).map((s) => s.epochId);
    const bonus = await readBonusEpochs(publicClient, coordinator, { sender: target.miner }, credited);
    return {
      walletEpochs,
      rigEpochs: [],
      bonus,
      batches: [
        ...batches('claim', undefined, walletEpochs.filter((s) => s.claimable), (s) => s.share),
        ...batches('bonus_claim', undefined, bonus.filter((b) => b.claimable)),
      ],
    };
  }
  const rigEpochs: RigEpochState[] = [];
  const bonus: BonusEpochState[] = [];
  const result: ClaimBatch[] = [];
  for (const rigId of target.rigIds) {
    const states = await readRigEpochs(publicClient, coordinator, target.rigMining, {
      rigId,
      operator: target.operator,
      current: options.current,
      ...(options.epochs ? { epochs: options.epochs } : {}),
      ...(options.span !== undefined ? { span: options.span } : {}),
    });
    const credited = states.filter((s) => s.credits > 0n && s.epochId < options.current).map((s) => s.epochId);
    const rigBonus = await readBonusEpochs(publicClient, coordinator, { sender: target.operator, rigId }, credited);
    rigEpochs.push(...states);
    bonus.push(...rigBonus);
    result.push(...batches('claim', rigId, states.filter((s) => s.claimable)), ...batches('bonus_claim', rigId, rigBonus.filter((b) => b.claimable)));
  }
  return { walletEpochs: [], rigEpochs, bonus, batches: result };
}

function batches<T extends { epochId: bigint }>(
  kind: ClaimBatch['kind'],
  rigId: bigint | undefined,
  claimable: readonly T[],
  share?: (state: T) => bigint,
): ClaimBatch[] {
  const out: ClaimBatch[] = [];
  for (let i = 0; i < claimable.length; i += MAX_CLAIM_EPOCHS) {
    const chunk = claimable.slice(i, i + MAX_CLAIM_EPOCHS);
    out.push({
      kind,
      ...(rigId !== undefined ? { rigId } : {}),
      epochs: chunk.map((s) => s.epochId),
      ...(share ? { expected: chunk.reduce((sum, s) => sum + share(s), 0n) } : {}),
    });
  }
  return out;
}
