/**
 * One sign-in flow (spec/protocol.md §3): nonce → validate the message → personal_sign →
 * verify. The account signs only a message `validateAuthMessage` accepted; its key never
 * leaves the account object.
 */
import type { Address, LocalAccount } from 'viem';
import { MinerError } from '../../errors.js';
import type { CoordinatorBase } from '../context.js';
import { validateAuthMessage } from './message.js';
import { requestNonce } from './nonce.js';
import type { Lane } from './session.js';
import { verifySignature, type VerifiedToken } from './verify.js';

/** All a sign-in needs of a wallet: its address and EIP-191 signing. */
export type SigningAccount = Pick<LocalAccount, 'address' | 'signMessage'>;

export interface SignInOptions {
  account: SigningAccount;
  lane: Lane;
  agentId?: string;
  /** When set, the message's `Chain ID` must equal it. */
  chainId?: number;
}

export type SignInResult = ({ kind: 'token'; chainId: number; address: Address } & VerifiedToken) | { kind: 'auth_disabled' };

export async function signIn(base: CoordinatorBase, options: SignInOptions): Promise<SignInResult> {
  const { account, lane } = options;
  const nonce = await requestNonce(base, account.address);
  if (nonce.kind === 'auth_disabled') return nonce;
  const fields = validateAuthMessage(nonce.message, {
    address: account.address,
    coordinatorUrl: base.baseUrl,
    now: base.now(),
    ...(options.chainId !== undefined ? { chainId: options.chainId } : {}),
  });
  if (nonce.nonce !== undefined && nonce.nonce.toLowerCase() !== fields.nonce.toLowerCase()) {
    throw new MinerError('AUTH_REFUSED', 'Refusing to sign the coordinator\'s sign-in message: its Nonce line differs from the nonce it returned.', {
      hint: 'The coordinator answered inconsistently; nothing was signed. Try again later.',
    });
  }
  const signature = await account.signMessage({ message: nonce.message });
  const verified = await verifySignature(base, {
    miner: fields.address,
    message: nonce.message,
    signature,
    lane,
    ...(options.agentId !== undefined ? { agentId: options.agentId } : {}),
  });
  if (verified.kind === 'auth_disabled') return verified;
  return { ...verified, chainId: fields.chainId, address: account.address };
}
