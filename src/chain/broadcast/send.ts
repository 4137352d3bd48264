import type { PublicClient } from 'viem';
import { isMinerError } from '../../errors.js';
import type { GuardedTransaction } from '../guard/index.js';
import { broadcastRaw } from './broadcast.js';
import { signGuarded, type SignedTransaction, type SigningWalletClient, type SignOptions } from './sign.js';

export interface SendOptions extends SignOptions {
  /**
   * Runs after signing and before broadcasting, e.g. appending the signed receipt to the
   * ledger and syncing it, so a crash after the broadcast never loses the transaction. If it
   * throws, nothing is sent and the nonce is given back.
   */
  beforeBroadcast?: (signed: SignedTransaction) => Promise<void> | void;
}

/**
 * Sign, hand the signed bytes to `beforeBroadcast`, then broadcast them. A refused broadcast
 * gives the nonce back; an unanswered one keeps it (the node may hold the transaction: the caller
 * re-broadcasts the same bytes).
 */
export async function sendGuarded(
  walletClient: SigningWalletClient,
  publicClient: PublicClient,
  guarded: GuardedTransaction,
  options: SendOptions,
): Promise<SignedTransaction> {
  const signed = await signGuarded(walletClient, publicClient, guarded, options);
  const sender = { address: signed.from, chainId: signed.chainId };
  try {
    await options.beforeBroadcast?.(signed);
  } catch (error) {
    options.nonces.release(sender, signed.nonce);
    throw error;
  }
  try {
    await broadcastRaw(publicClient, signed.raw);
  } catch (error) {
    if (isMinerError(error) && error.code === 'TX_REJECTED') options.nonces.release(sender, signed.nonce);
    throw error;
  }
  return signed;
}
