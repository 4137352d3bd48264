import {
  createPublicClient,
  createWalletClient,
  defineChain,
  http,
  type Account,
  type Chain,
  type Hex,
  type PublicClient,
  type Transport,
  type WalletClient,
} from 'viem';
import { mnemonicToAccount, privateKeyToAccount } from 'viem/accounts';
import { createNonceManager, jsonRpc } from 'viem/nonce';

/** anvil's default dev mnemonic; its keys are public, so only ever use them on a local chain. */
export const ANVIL_DEFAULT_MNEMONIC = 'test test test test test test test test test test test junk';

/** Local nodes answer in milliseconds; viem's 4 s default would dominate every wait. */
const LOCAL_POLLING_MS = 250;

export type LocalPublicClient = PublicClient<Transport, Chain>;
export type LocalWalletClient = WalletClient<Transport, Chain, Account>;

export interface LocalClients {
  publicClient: LocalPublicClient;
  walletClient: LocalWalletClient;
}

/** A viem chain for a local node (never a public network's definition). */
export function localChain(rpcUrl: string, chainId: number): Chain {
  return defineChain({
    id: chainId,
    name: `Local ${chainId}`,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  });
}

/** No transport retries on loopback: a failure is real and retrying only hides it. */
export function createLocalPublicClient(rpcUrl: string, chainId: number): LocalPublicClient {
  return createPublicClient({
    chain: localChain(rpcUrl, chainId),
    transport: http(rpcUrl, { retryCount: 0 }),
    pollingInterval: LOCAL_POLLING_MS,
  });
}

/** A wallet client whose account has its own nonce manager, so parallel sends get distinct nonces. */
export function createLocalWalletClient(rpcUrl: string, chainId: number, account: Account): LocalWalletClient {
  return createWalletClient({
    account,
    chain: localChain(rpcUrl, chainId),
    transport: http(rpcUrl, { retryCount: 0 }),
    pollingInterval: LOCAL_POLLING_MS,
  });
}

/**
 * A local signing account. Each call creates a fresh nonce manager: viem's shared default
 * remembers nonces per (address, chain id), which goes wrong when a new anvil reuses both.
 */
export function localAccount(key: Hex | { mnemonic: string; index: number }): Account {
  const nonceManager = createNonceManager({ source: jsonRpc() });
  if (typeof key === 'string') return privateKeyToAccount(key, { nonceManager });
  return mnemonicToAccount(key.mnemonic, { addressIndex: key.index, nonceManager });
}

/** Public + wallet clients for one local account. */
export function createLocalClients(rpcUrl: string, chainId: number, account: Account): LocalClients {
  return {
    publicClient: createLocalPublicClient(rpcUrl, chainId),
    walletClient: createLocalWalletClient(rpcUrl, chainId, account),
  };
}
