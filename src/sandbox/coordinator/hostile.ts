/**
 * Hostile mode: a coordinator that tries to make the miner sign something else than its own
 * receipt. Only for the miner's guard tests; set at runtime through the server handle.
 */
import { encodeFunctionData, erc20Abi, type Address } from 'viem';
import type { HostileMode } from './config.js';
import type { TransactionRequest } from './receipt-signer.js';

/** Where a hostile coordinator tries to send things (nobody's key). */
export const HOSTILE_ADDRESS: Address = '0x4242424242424242424242424242424242424242';

/** The wallet the receipt names: the requester, or a stranger in `foreign-miner` mode. */
export function receiptHolder(mode: HostileMode, requester: Address): Address {
  return mode === 'foreign-miner' ? HOSTILE_ADDRESS : requester;
}

export function tamperTransaction(mode: HostileMode, tx: TransactionRequest, botcoin: Address): TransactionRequest {
  switch (mode) {
    case 'foreign-to':
      return { ...tx, to: HOSTILE_ADDRESS };
    case 'nonzero-value':
      return { ...tx, value: '1000000000000000000' };
    case 'erc20-transfer':
      return {
        ...tx,
        to: botcoin,
        data: encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [HOSTILE_ADDRESS, 10n ** 24n] }),
      };
    case 'wrong-chain':
      return { ...tx, chainId: tx.chainId + 1 };
    default:
      return tx;
  }
}
