/**
 * A rig at a glance (`rig status`): may this operator mine it this epoch
 * (`wouldBeAuthorizedMiner`), where its receipt chain stands on chain (`rigNextIndex`,
 * `rigLastReceiptHash`), and what the local ledger recorded for it this epoch. Read-only:
 * nothing here needs the wallet's key or a coordinator token.
 */
import type { Address, Hex, PublicClient } from 'viem';
import { botcoinMiningRigsAbi } from '../chain/abis/index.js';
import type { ReceiptView } from '../ledger/receipts.js';
import type { ReceiptStateName } from '../ledger/records.js';
import { readChain } from './read.js';

export interface RigChainStatus {
  rigId: bigint;
  operator: Address;
  epochId: bigint;
  authorized: boolean;
  /** The solve index the rig's next receipt must carry. */
  nextIndex: bigint;
  lastReceiptHash: Hex;
}

export interface RigLedgerStatus {
  /** Σ creditsEarned of this rig's receipts confirmed in the epoch (as the ledger recorded them). */
  creditsThisEpoch: bigint;
  confirmedThisEpoch: number;
  /** Receipts of this rig still signed or broadcast (not yet confirmed, reverted or dropped). */
  inFlight: number;
  lastReceipt: { receiptId: string; state: ReceiptStateName; epochId: string; solveIndex: string; txHash: string } | undefined;
}

export async function readRigChainStatus(
  publicClient: PublicClient,
  rigMining: Address,
  query: { rigId: bigint; operator: Address; epochId: bigint },
): Promise<RigChainStatus> {
  const read = <T>(functionName: string, args: readonly unknown[]): Promise<T> =>
    readChain(() => publicClient.readContract({ address: rigMining, abi: botcoinMiningRigsAbi, functionName, args }) as Promise<T>, `read ${functionName}() for rig ${query.rigId}`);
  const [authorized, nextIndex, lastReceiptHash] = await Promise.all([
    read<boolean>('wouldBeAuthorizedMiner', [query.rigId, query.operator, query.epochId]),
    read<bigint>('rigNextIndex', [query.rigId]),
    read<Hex>('rigLastReceiptHash', [query.rigId]),
  ]);
  return { ...query, authorized, nextIndex, lastReceiptHash };
}

/** The ledger's view of one rig in one epoch (pure; pass `receiptStates(records).values()`). */
export function rigLedgerStatus(receipts: Iterable<ReceiptView>, rigId: bigint, epochId: bigint): RigLedgerStatus {
  const status: RigLedgerStatus = { creditsThisEpoch: 0n, confirmedThisEpoch: 0, inFlight: 0, lastReceipt: undefined };
  let latest: ReceiptView | undefined;
  for (const view of receipts) {
    if (view.lane !== 'rig' || view.rigId !== rigId.toString()) continue;
    if (view.state === 'signed' || view.state === 'broadcast') status.inFlight++;
    if (view.epochId === epochId.toString() && view.state === 'confirmed') {
      status.confirmedThisEpoch++;
      status.creditsThisEpoch += BigInt(view.creditsEarned ?? '0');
    }
    if (!latest || BigInt(view.solveIndex) > BigInt(latest.solveIndex)) latest = view;
  }
  if (latest) {
    status.lastReceipt = { receiptId: latest.receiptId, state: latest.state, epochId: latest.epochId, solveIndex: latest.solveIndex, txHash: latest.txHash };
  }
  return status;
}
