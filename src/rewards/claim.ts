/**
 * One claim batch: the coordinator's ready-made transaction (`claim`, `claimRig`, or their
 * `claimBonus` twins), never trusted — the guard checks it names exactly these epochs (and
 * this rig) on the right contract, and simulates it, before anything can be signed.
 */
import type { PublicClient } from 'viem';
import { guardTransaction, type GuardContext, type GuardedTransaction, type GuardExpectation } from '../chain/guard/index.js';
import type { CoordinatorBase } from '../protocol/context.js';
import { getBonusClaimCalldata, getClaimCalldata } from '../protocol/info/claims.js';
import type { ClaimBatch } from './claimable.js';

export async function guardClaimBatch(
  publicClient: PublicClient,
  coordinator: CoordinatorBase,
  batch: ClaimBatch,
  context: GuardContext,
): Promise<GuardedTransaction> {
  const params = { epochs: batch.epochs, ...(batch.rigId !== undefined ? { rigId: batch.rigId } : {}) };
  const { transaction } = batch.kind === 'claim' ? await getClaimCalldata(coordinator, params) : await getBonusClaimCalldata(coordinator, params);
  const expectation: GuardExpectation =
    batch.rigId !== undefined
      ? { kind: batch.kind, lane: 'rig', rigId: batch.rigId, epochs: batch.epochs }
      : { kind: batch.kind, lane: 'wallet', epochs: batch.epochs };
  return guardTransaction(publicClient, transaction, expectation, context);
}
