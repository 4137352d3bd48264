/** Is a wallet configured (no key needed: its address is enough), and does it have ETH for gas? */
import { formatEther, type Address, type PublicClient } from 'viem';
import { ExitCode } from '../errors.js';
import { fail, failFrom, pass } from './check.js';
import type { DoctorCheck } from './types.js';

/** Enough ETH for a few dozen receipts and claims on Base (≈ 0.0005 ETH); override with the doctor's `minGasWei`. */
export const DEFAULT_MIN_GAS_WEI = 500_000_000_000_000n;

export interface WalletRef {
  address: Address;
  /** Where the address came from, for the summary (e.g. "keystore /path", "MINER_ADDRESS"). */
  source: string;
}

export async function checkWallet(resolve: () => Promise<WalletRef>): Promise<{ check: DoctorCheck; wallet?: WalletRef }> {
  try {
    const wallet = await resolve();
    return { wallet, check: pass('wallet', `wallet ${wallet.address} (${wallet.source})`) };
  } catch (error) {
    return { check: failFrom('wallet', error, 'Create a wallet with `botcoin-miner wallet new` (or `init`), or set MINER_ADDRESS for read-only checks.') };
  }
}

export async function checkGas(publicClient: PublicClient, address: Address, minWei: bigint): Promise<DoctorCheck> {
  let balance: bigint;
  try {
    balance = await publicClient.getBalance({ address });
  } catch (error) {
    return fail('gas', 'could not read the wallet\'s ETH balance', ExitCode.unavailable, 'Check the RPC URL and retry.', error instanceof Error ? error.message.split('\n')[0] : String(error));
  }
  const shown = `${formatEther(balance)} ETH`;
  if (balance < minWei) {
    return fail('gas', `gas balance ${shown} is below ${formatEther(minWei)} ETH`, ExitCode.refused, `Send some ETH to ${address} on this chain to pay for receipt and claim transactions.`);
  }
  return pass('gas', `gas balance ${shown}`);
}
