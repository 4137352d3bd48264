import {
  WaitForTransactionReceiptTimeoutError,
  type Address,
  type Hash,
  type PublicClient,
  type TransactionReceipt,
} from 'viem';
import { MinerError } from '../../errors.js';
import { classifyRevert, type RevertReason } from '../guard/index.js';
import { decodeEvents, type DecodedEvent } from './events.js';
import { nodeMessage } from './node-errors.js';

export type ConfirmationResult =
  | { status: 'confirmed'; hash: Hash; blockNumber: bigint; gasUsed: bigint; events: DecodedEvent[] }
  | { status: 'reverted'; hash: Hash; blockNumber: bigint; error: RevertReason }
  /** Never mined, and the sender's nonce has moved past it (or viem saw it replaced). */
  | { status: 'dropped'; hash: Hash; replacedBy?: Hash }
  /** Not mined within the timeout, and its nonce is still open: wait longer or re-broadcast. */
  | { status: 'pending'; hash: Hash };

export interface ConfirmationOptions {
  /** Blocks on top of the including one (1 = included). Default 1. */
  confirmations?: number;
  timeoutMs: number;
  /** Sender and nonce of the transaction, to tell "dropped" from "still pending" after the timeout. */
  from?: Address;
  nonce?: number;
}

/**
 * Waits for a transaction's outcome. A reverted transaction's custom error is recovered by
 * replaying the call with `eth_call` at its block (a receipt only says `status: reverted`).
 */
export async function waitForConfirmation(
  publicClient: PublicClient,
  hash: Hash,
  options: ConfirmationOptions,
): Promise<ConfirmationResult> {
  let replacedBy: Hash | undefined;
  let receipt: TransactionReceipt;
  try {
    receipt = await publicClient.waitForTransactionReceipt({
      hash,
      confirmations: options.confirmations ?? 1,
      timeout: options.timeoutMs,
      onReplaced: (replacement) => {
        if (replacement.reason !== 'repriced') replacedBy = replacement.transaction.hash;
      },
    });
  } catch (error) {
    if (error instanceof WaitForTransactionReceiptTimeoutError) return afterTimeout(publicClient, hash, options);
    throw new MinerError('CHAIN_UNAVAILABLE', `Could not wait for transaction ${hash}: the chain node did not answer.`, {
      details: nodeMessage(error),
      hint: 'Check the RPC URL; the transaction may still confirm, look it up again later.',
      cause: error,
    });
  }
  if (replacedBy) return { status: 'dropped', hash, replacedBy };
  if (receipt.status === 'success') {
    return { status: 'confirmed', hash: receipt.transactionHash, blockNumber: receipt.blockNumber, gasUsed: receipt.gasUsed, events: decodeEvents(receipt.logs) };
  }
  return { status: 'reverted', hash: receipt.transactionHash, blockNumber: receipt.blockNumber, error: await replayRevert(publicClient, receipt) };
}

async function afterTimeout(publicClient: PublicClient, hash: Hash, options: ConfirmationOptions): Promise<ConfirmationResult> {
  if (options.from === undefined || options.nonce === undefined) return { status: 'pending', hash };
  const mined = await publicClient.getTransactionCount({ address: options.from, blockTag: 'latest' });
  return mined > options.nonce ? { status: 'dropped', hash } : { status: 'pending', hash };
}

/**
 * Replays the reverted call at its block: the state includes the block's other transactions, and
 * the block's timestamp, which is what makes `WrongEpoch` and `ChainMismatch` reproducible. A
 * replay that succeeds means the revert was something a call cannot show (out of gas most often).
 */
async function replayRevert(publicClient: PublicClient, receipt: TransactionReceipt): Promise<RevertReason> {
  const tx = await publicClient.getTransaction({ hash: receipt.transactionHash });
  try {
    await publicClient.call({
      account: tx.from,
      to: tx.to ?? undefined,
      data: tx.input,
      value: tx.value,
      gas: tx.gas,
      blockNumber: receipt.blockNumber,
    });
  } catch (error) {
    const reason = classifyRevert(error);
    if (reason) return reason;
    throw new MinerError('CHAIN_UNAVAILABLE', `Could not replay reverted transaction ${receipt.transactionHash}.`, {
      details: nodeMessage(error),
      hint: 'The transaction reverted; its reason could not be read. Look it up on a block explorer.',
      cause: error,
    });
  }
  return { name: receipt.gasUsed >= tx.gas ? 'OutOfGas' : 'unknown', args: [] };
}
