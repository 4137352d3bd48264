import { keccak256, TransactionReceiptNotFoundError, type Hash, type Hex, type PublicClient } from 'viem';
import { MinerError } from '../../errors.js';
import { isAlreadyKnown, isNetworkError, isNonceTooLow, nodeMessage } from './node-errors.js';

/**
 * Sends signed bytes with `eth_sendRawTransaction` and returns their hash. A node's refusal is
 * TX_REJECTED; no answer at all is CHAIN_UNAVAILABLE (the node may have the transaction anyway:
 * re-broadcast the same bytes rather than signing anew).
 */
export async function broadcastRaw(publicClient: PublicClient, raw: Hex): Promise<Hash> {
  try {
    return await publicClient.sendRawTransaction({ serializedTransaction: raw });
  } catch (error) {
    throw broadcastError(error, keccak256(raw));
  }
}

/**
 * What re-sending did: `sent` (the node took it now), `known` (already in its pool), `mined`
 * (already in a block), `nonce-used` (another transaction with this nonce was mined instead:
 * this one can never be included).
 */
export type RebroadcastOutcome = 'sent' | 'known' | 'mined' | 'nonce-used';

/**
 * Re-sends the exact bytes of a transaction signed before a crash (or dropped from a pool).
 * Idempotent: a transaction already pooled or mined is reported, not an error.
 */
export async function rebroadcast(publicClient: PublicClient, raw: Hex): Promise<{ hash: Hash; outcome: RebroadcastOutcome }> {
  const hash = keccak256(raw);
  if (await isMined(publicClient, hash)) return { hash, outcome: 'mined' };
  try {
    await publicClient.sendRawTransaction({ serializedTransaction: raw });
    return { hash, outcome: 'sent' };
  } catch (error) {
    if (isAlreadyKnown(error)) return { hash, outcome: 'known' };
    // Mined between our check and the send, or replaced by another transaction with this nonce.
    if (isNonceTooLow(error)) return { hash, outcome: (await isMined(publicClient, hash)) ? 'mined' : 'nonce-used' };
    throw broadcastError(error, hash);
  }
}

async function isMined(publicClient: PublicClient, hash: Hash): Promise<boolean> {
  try {
    await publicClient.getTransactionReceipt({ hash });
    return true;
  } catch (error) {
    if (error instanceof TransactionReceiptNotFoundError) return false;
    throw broadcastError(error, hash);
  }
}

function broadcastError(error: unknown, hash: Hash): MinerError {
  if (isNetworkError(error)) {
    return new MinerError('CHAIN_UNAVAILABLE', `Could not reach the chain node to send transaction ${hash}.`, {
      details: nodeMessage(error),
      hint: 'The node may have received it: re-broadcast the same signed transaction once the node answers.',
      cause: error,
    });
  }
  return new MinerError('TX_REJECTED', `The chain node refused transaction ${hash}.`, {
    details: nodeMessage(error),
    hint: 'Check the wallet has ETH for gas and that no other program sends from this wallet.',
    cause: error,
  });
}
