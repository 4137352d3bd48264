import { isAddressEqual, keccak256, parseTransaction, type Account, type Address, type Chain, type Hash, type Hex, type PublicClient, type Transport, type WalletClient } from 'viem';
import { MinerError } from '../../errors.js';
import { classifyRevert, describeRevert, revertHint, SimulationRevertedError, type GuardedTransaction } from '../guard/index.js';
import { isNetworkError, nodeMessage } from './node-errors.js';
import type { NonceAllocator } from './nonce-allocator.js';

/** A signed transaction ready to be written to the ledger, then broadcast (and re-broadcast) as is. */
export interface SignedTransaction {
  /** The serialized signed EIP-1559 transaction: re-broadcasting sends exactly these bytes. */
  raw: Hex;
  hash: Hash;
  from: Address;
  nonce: number;
  chainId: number;
}

export interface SignOptions {
  /** The process-wide allocator for this sender (one sequence shared by all rigs). */
  nonces: NonceAllocator;
}

export type SigningWalletClient = WalletClient<Transport, Chain | undefined, Account>;

/**
 * Gas estimates are exact for the state at estimation; a parallel receipt can change which
 * storage slots are fresh by the time this one is included. Unused gas is not charged.
 */
const GAS_HEADROOM_PERCENT = 120n;

/**
 * Signs a guarded transaction locally (EIP-1559 fees and gas from the node, nonce from the
 * allocator) without broadcasting it, so the caller can sync the raw bytes to the ledger first.
 * The nonce is given back if signing fails.
 */
export async function signGuarded(
  walletClient: SigningWalletClient,
  publicClient: PublicClient,
  guarded: GuardedTransaction,
  options: SignOptions,
): Promise<SignedTransaction> {
  const account = walletClient.account;
  if (!isAddressEqual(account.address, guarded.from)) {
    throw new MinerError('GUARD_REFUSED', `Refusing to sign: the transaction was guarded for ${guarded.from}, but the wallet is ${account.address}.`, {
      hint: 'Guard the transaction with the address of the wallet that signs it.',
    });
  }
  if (walletClient.chain && walletClient.chain.id !== guarded.chainId) {
    throw new MinerError('GUARD_REFUSED', `Refusing to sign: the transaction was guarded on chain ${guarded.chainId}, but the wallet client is for chain ${walletClient.chain.id}.`, {
      hint: 'Use one RPC URL and one chain for the guard and the wallet.',
    });
  }
  const sender = { address: account.address, chainId: guarded.chainId };
  let nonce: number;
  try {
    nonce = await options.nonces.allocate(publicClient, sender);
  } catch (error) {
    throw signingError(error);
  }
  try {
    const request = await walletClient.prepareTransactionRequest({
      account,
      chain: walletClient.chain,
      to: guarded.to,
      data: guarded.data,
      value: 0n,
      nonce,
      type: 'eip1559',
    });
    const gas = (request.gas * GAS_HEADROOM_PERCENT) / 100n;
    const raw = await walletClient.signTransaction({ ...request, gas } as Parameters<typeof walletClient.signTransaction>[0]);
    assertSignedAsGuarded(raw, guarded);
    return { raw, hash: keccak256(raw), from: account.address, nonce, chainId: guarded.chainId };
  } catch (error) {
    options.nonces.release(sender, nonce);
    throw signingError(error);
  }
}

/** The bytes about to be stored and sent must say exactly what the guard approved. */
function assertSignedAsGuarded(raw: Hex, guarded: GuardedTransaction): void {
  const tx = parseTransaction(raw);
  const same =
    tx.to !== undefined && tx.to !== null && isAddressEqual(tx.to, guarded.to) &&
    (tx.data ?? '0x').toLowerCase() === guarded.data.toLowerCase() &&
    (tx.value ?? 0n) === 0n &&
    tx.chainId === guarded.chainId;
  if (!same) throw new MinerError('GUARD_REFUSED', 'Refusing to send: the signed transaction differs from the guarded one.', { hint: 'This is a bug in the miner; please report it. Nothing was sent.' });
}

function signingError(error: unknown): MinerError {
  if (error instanceof MinerError) return error;
  const reason = classifyRevert(error);
  if (reason) {
    return new SimulationRevertedError(`gas estimation reverts with ${describeRevert(reason)}.`, reason, revertHint(reason.name));
  }
  if (isNetworkError(error)) {
    return new MinerError('CHAIN_UNAVAILABLE', 'Could not prepare the transaction: the chain node did not answer.', {
      details: nodeMessage(error),
      hint: 'Check the RPC URL and retry; nothing was sent.',
      cause: error,
    });
  }
  return new MinerError('TX_REJECTED', 'Could not prepare or sign the transaction.', {
    details: nodeMessage(error),
    hint: 'Check that the wallet has ETH for gas; nothing was sent.',
    cause: error,
  });
}
