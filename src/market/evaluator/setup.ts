/**
 * Turns `evaluator serve` settings into app options: which network and USDC, which facilitator
 * (in-process on the sandbox, a URL elsewhere), and which keys sign feedback and pay gas.
 *
 * Keys: the evaluator key comes from `BOTCOIN_EVALUATOR_PRIVATE_KEY` or the wallet (keystore /
 * BOTCOIN_PRIVATE_KEY). The in-process facilitator's gas payer comes from
 * `BOTCOIN_FACILITATOR_PRIVATE_KEY`, else `accounts.facilitator.privateKey` in sandbox.json,
 * else — on a local chain only — anvil's public dev account #8.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FacilitatorClient } from '@x402/core/server';
import type { Address, LocalAccount } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { parsePrivateKey } from '../../chain/wallet/private-key.js';
import { dataDir as defaultDataDir } from '../../config/paths.js';
import { MinerError } from '../../errors.js';
import { registerSecret } from '../../safety/secrets.js';
import { localAccount } from '../../sandbox/chain/clients.js';
import { devKey, SANDBOX_ACCOUNT } from '../../sandbox/network/accounts.js';
import { createInProcessFacilitator } from '../facilitator/in-process.js';
import { createRemoteFacilitator } from '../facilitator/remote.js';
import { defaultFacilitatorUrl, networkIdOf, usdcOf, type AssetTerms, type Caip2, type NetworkName } from '../protocol/networks.js';

export const EVALUATOR_KEY_ENV = 'BOTCOIN_EVALUATOR_PRIVATE_KEY';
export const FACILITATOR_KEY_ENV = 'BOTCOIN_FACILITATOR_PRIVATE_KEY';
/** anvil dev account used as the sandbox facilitator's gas payer when nothing else is given. */
const LOCAL_CHAIN_IDS: ReadonlySet<number> = new Set([31337, 1337]);

export interface SandboxDescription {
  rpcUrl: string;
  chainId: number;
  contracts: { usdc?: string };
  accounts?: { facilitator?: { privateKey?: string } };
}

/** `<data dir>/sandbox/sandbox.json` (written by `sandbox up`), or undefined when absent. */
export async function readSandboxDescription(dir: string = defaultDataDir()): Promise<SandboxDescription | undefined> {
  try {
    return JSON.parse(await readFile(join(dir, 'sandbox', 'sandbox.json'), 'utf8')) as SandboxDescription;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new MinerError('SANDBOX', 'The sandbox description sandbox.json is unreadable.', { cause: error, hint: 'Run `botcoin-miner sandbox up` again.' });
  }
}

export interface PaymentSetupInput {
  network: NetworkName;
  /** `in-process` or a facilitator URL; default in-process on the sandbox, the public one elsewhere. */
  facilitator?: string;
  rpcUrl?: string;
  usdc?: string;
  chainId?: number;
  env?: NodeJS.ProcessEnv;
  dataDir?: string;
}

export interface PaymentSetup {
  network: Caip2;
  asset: AssetTerms;
  facilitator: FacilitatorClient;
  /** Who pays settlement gas: the in-process gas payer, or "the remote facilitator". */
  gasPayer: Address | 'remote facilitator';
}

export async function resolvePaymentSetup(input: PaymentSetupInput): Promise<PaymentSetup> {
  const env = input.env ?? process.env;
  const sandbox = input.network === 'sandbox' ? await readSandboxDescription(input.dataDir) : undefined;
  const chainId = input.chainId ?? sandbox?.chainId;
  const network = networkIdOf(input.network, chainId);
  const asset = usdcOf(input.network, input.usdc ?? sandbox?.contracts.usdc);
  const choice = input.facilitator ?? (input.network === 'sandbox' ? 'in-process' : defaultFacilitatorUrl(input.network));
  if (!choice) {
    throw new MinerError('BAD_USAGE', `No facilitator for ${input.network}.`, { hint: 'Pass --facilitator <URL> (e.g. your CDP facilitator) or --facilitator in-process with --rpc.' });
  }
  if (choice !== 'in-process') return { network, asset, facilitator: createRemoteFacilitator(choice), gasPayer: 'remote facilitator' };
  const rpcUrl = input.rpcUrl ?? sandbox?.rpcUrl;
  if (!rpcUrl) {
    throw new MinerError('BAD_USAGE', 'The in-process facilitator needs the chain\'s RPC URL.', { hint: 'Start the sandbox (`botcoin-miner sandbox up`) or pass --rpc <url>.' });
  }
  const numericChainId = Number(network.slice('eip155:'.length));
  const gasPayer = localAccount(gasPayerKey(env, sandbox, numericChainId));
  return { network, asset, facilitator: createInProcessFacilitator({ rpcUrl, chainId: numericChainId, gasPayer }), gasPayer: gasPayer.address };
}

function gasPayerKey(env: NodeJS.ProcessEnv, sandbox: SandboxDescription | undefined, chainId: number): `0x${string}` {
  const explicit = env[FACILITATOR_KEY_ENV] ?? sandbox?.accounts?.facilitator?.privateKey;
  if (explicit) {
    const key = parsePrivateKey(explicit, FACILITATOR_KEY_ENV);
    registerSecret(key);
    return key;
  }
  if (!LOCAL_CHAIN_IDS.has(chainId)) {
    throw new MinerError('CONFIG', 'The in-process facilitator has no gas payer.', { hint: `Set ${FACILITATOR_KEY_ENV} to a funded account's key.` });
  }
  return devKey(SANDBOX_ACCOUNT.facilitator);
}

/** The evaluator's signing key from BOTCOIN_EVALUATOR_PRIVATE_KEY, else undefined (use the wallet). */
export function evaluatorKeyFromEnv(env: NodeJS.ProcessEnv = process.env): LocalAccount | undefined {
  const text = env[EVALUATOR_KEY_ENV];
  if (!text) return undefined;
  const key = parsePrivateKey(text, EVALUATOR_KEY_ENV);
  registerSecret(key);
  return privateKeyToAccount(key);
}
