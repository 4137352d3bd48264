/**
 * Sends one guarded transaction and waits for its outcome: the shared last step of every
 * value-moving rewards command (claim, stake, unstake, withdraw). A revert, a drop or a
 * transaction still pending after the timeout is an error saying what happened to it.
 */
import { isAddressEqual, type Address, type Hash, type PublicClient } from 'viem';
import { sendGuarded, waitForConfirmation, type DecodedEvent, type SigningWalletClient } from '../chain/broadcast/index.js';
import type { NonceAllocator } from '../chain/broadcast/nonce-allocator.js';
import { describeRevert, revertHint, type GuardedTransaction } from '../chain/guard/index.js';
import { MinerError } from '../errors.js';

export interface SendContext {
  publicClient: PublicClient;
  walletClient: SigningWalletClient;
  nonces: NonceAllocator;
  /** How long to wait for the transaction to be mined (default 120 s). */
  timeoutMs?: number;
}

export interface SentTransaction {
  hash: Hash;
  blockNumber: bigint;
  events: DecodedEvent[];
}

export async function sendAndConfirm(context: SendContext, guarded: GuardedTransaction): Promise<SentTransaction> {
  const signed = await sendGuarded(context.walletClient, context.publicClient, guarded, { nonces: context.nonces });
  const result = await waitForConfirmation(context.publicClient, signed.hash, {
    timeoutMs: context.timeoutMs ?? 120_000,
    from: signed.from,
    nonce: signed.nonce,
  });
  switch (result.status) {
    case 'confirmed':
      return { hash: result.hash, blockNumber: result.blockNumber, events: result.events };
    case 'reverted':
      throw new MinerError('TX_REVERTED', `${guarded.functionSignature} reverted on chain with ${describeRevert(result.error)} (tx ${result.hash}).`, {
        hint: revertHint(result.error.name),
      });
    case 'dropped':
      throw new MinerError('TX_REJECTED', `${guarded.functionSignature} was dropped before it was mined (tx ${result.hash}).`, {
        hint: 'Check the wallet\'s pending transactions, then run the command again.',
      });
    case 'pending':
      throw new MinerError('CHAIN_UNAVAILABLE', `${guarded.functionSignature} was sent but not mined yet (tx ${result.hash}).`, {
        hint: 'Look the transaction up later; do not resend it before it is mined or dropped.',
      });
  }
}

/** BOTCOIN a transaction paid out: the `Transfer` events sent by `payer` (the claimed contract). */
export function paidBy(events: readonly DecodedEvent[], payer: Address): bigint {
  return events
    .filter((event) => event.name === 'Transfer' && typeof event.args.from === 'string' && isAddressEqual(event.args.from as Address, payer))
    .reduce((sum, event) => sum + BigInt(event.args.value as bigint), 0n);
}
