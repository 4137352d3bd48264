import { TransactionNotFoundError, TransactionReceiptNotFoundError, type Hash, type PublicClient } from 'viem';
import { MinerError } from '../../errors.js';
import { nodeMessage } from './node-errors.js';

/** Where a transaction stands: in a block (succeeded or reverted), in the node's pool, or unknown to the node. */
export type ReceiptStatus = 'confirmed' | 'reverted' | 'pending' | 'unknown';

/** For crash recovery: one look at the chain, no waiting. `unknown` means re-broadcast the signed bytes. */
export async function receiptStatus(publicClient: PublicClient, hash: Hash): Promise<ReceiptStatus> {
  try {
    const receipt = await publicClient.getTransactionReceipt({ hash });
    return receipt.status === 'success' ? 'confirmed' : 'reverted';
  } catch (error) {
    if (!(error instanceof TransactionReceiptNotFoundError)) throw unavailable(error);
  }
  try {
    await publicClient.getTransaction({ hash });
    return 'pending';
  } catch (error) {
    if (error instanceof TransactionNotFoundError) return 'unknown';
    throw unavailable(error);
  }
}

function unavailable(error: unknown): MinerError {
  return new MinerError('CHAIN_UNAVAILABLE', 'Could not look up a transaction: the chain node did not answer.', {
    details: nodeMessage(error),
    hint: 'Check the RPC URL and retry.',
    cause: error,
  });
}
