import { readFileSync } from 'node:fs';
import { getAddress, type Address } from 'viem';
import { MinerError } from '../../errors.js';
import type { LocalClients } from '../chain/clients.js';
import { sandboxArtifacts, type SandboxContractName } from './artifacts.js';

export interface MiningTier {
  /** Stake threshold in token base units (18 decimals). */
  stakeThreshold: bigint;
  /** Credits one accepted receipt earns at this tier. */
  credits: bigint;
}

interface Defaults {
  epochDurationSeconds: number;
  unstakeCooldownSeconds: number;
  domainVersion: string;
  tokenDecimals: number;
  tiers: Array<{ stakeWholeTokens: string; credits: string }>;
}

const defaults = JSON.parse(readFileSync(new URL('./defaults.json', import.meta.url), 'utf8')) as Defaults;

/** The V3+ tiers: 5M/10M/25M/50M/100M BOTCOIN → 100/205/520/1075/2200 credits. */
export const v3Tiers: readonly MiningTier[] = defaults.tiers.map((tier) => ({
  stakeThreshold: BigInt(tier.stakeWholeTokens) * 10n ** BigInt(defaults.tokenDecimals),
  credits: BigInt(tier.credits),
}));

export interface DeployMiningParameters {
  token: Address;
  coordinatorSigner: Address;
  /** Unix seconds of epoch 0's start; 0 or omitted = the deploy block's time. */
  genesisTimestamp?: bigint;
  epochDurationSeconds?: bigint;
  unstakeCooldownSeconds?: bigint;
  /** EIP-712 domain version: "3" (default) mimics V3, "4" V4. */
  domainVersion?: string;
  tiers?: readonly MiningTier[];
  /** Operator (commit/reveal/fund/finalize); default the deploying account. */
  owner?: Address;
}

export interface DeployRigMiningParameters {
  token: Address;
  rigNft: Address;
  coordinatorSigner: Address;
  genesisTimestamp?: bigint;
  epochDurationSeconds?: bigint;
  owner?: Address;
}

export type DeploySandboxParameters = Omit<DeployMiningParameters, 'token'>;

export interface SandboxContracts {
  botcoin: Address;
  mining: Address;
  rigNft: Address;
  rigMining: Address;
  usdc: Address;
}

/** Deploys one artifact and returns its address once the deployment is mined. */
export async function deployArtifact(
  clients: LocalClients,
  name: SandboxContractName,
  args: readonly unknown[],
): Promise<Address> {
  const { abi, bytecode } = sandboxArtifacts[name];
  const hash = await clients.walletClient.deployContract({ abi, bytecode, args });
  const receipt = await clients.publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== 'success' || !receipt.contractAddress) {
    throw new MinerError('SANDBOX', `Deploying ${name} failed (transaction ${hash} reverted).`, {
      hint: 'Check the deploy parameters (genesis not in the future, non-zero addresses, increasing tiers).',
    });
  }
  return getAddress(receipt.contractAddress);
}

export function deployTestBotcoin(clients: LocalClients, owner?: Address): Promise<Address> {
  return deployArtifact(clients, 'TestBotcoin', [owner ?? clients.walletClient.account.address]);
}

export function deployTestUsdc(clients: LocalClients, owner?: Address): Promise<Address> {
  return deployArtifact(clients, 'TestUSDC', [owner ?? clients.walletClient.account.address]);
}

export function deployMiningRigNft(clients: LocalClients, owner?: Address): Promise<Address> {
  return deployArtifact(clients, 'MiningRigNFT', [owner ?? clients.walletClient.account.address]);
}

export function deployBotcoinMining(clients: LocalClients, params: DeployMiningParameters): Promise<Address> {
  const tiers = params.tiers ?? v3Tiers;
  return deployArtifact(clients, 'BotcoinMining', [
    params.token,
    params.coordinatorSigner,
    params.genesisTimestamp ?? 0n,
    params.epochDurationSeconds ?? BigInt(defaults.epochDurationSeconds),
    params.unstakeCooldownSeconds ?? BigInt(defaults.unstakeCooldownSeconds),
    params.domainVersion ?? defaults.domainVersion,
    tiers.map((tier) => tier.stakeThreshold),
    tiers.map((tier) => tier.credits),
    params.owner ?? clients.walletClient.account.address,
  ]);
}

export function deployBotcoinMiningRigs(clients: LocalClients, params: DeployRigMiningParameters): Promise<Address> {
  return deployArtifact(clients, 'BotcoinMiningRigs', [
    params.token,
    params.rigNft,
    params.coordinatorSigner,
    params.genesisTimestamp ?? 0n,
    params.epochDurationSeconds ?? BigInt(defaults.epochDurationSeconds),
    params.owner ?? clients.walletClient.account.address,
  ]);
}

/**
 * Deploys the whole sandbox set. Both mining contracts share one epoch clock: the rig contract
 * gets the wallet contract's genesis, read back from chain when the caller let it default.
 */
export async function deploySandboxContracts(
  clients: LocalClients,
  params: DeploySandboxParameters,
): Promise<SandboxContracts> {
  // Independent deployments go out together; the account's nonce manager orders them.
  const [botcoin, rigNft, usdc] = await Promise.all([
    deployTestBotcoin(clients, params.owner),
    deployMiningRigNft(clients, params.owner),
    deployTestUsdc(clients, params.owner),
  ]);
  const mining = await deployBotcoinMining(clients, { ...params, token: botcoin });
  const genesisTimestamp = (await clients.publicClient.readContract({
    address: mining,
    abi: sandboxArtifacts.BotcoinMining.abi,
    functionName: 'genesisTimestamp',
  })) as bigint;
  const rigMining = await deployBotcoinMiningRigs(clients, {
    token: botcoin,
    rigNft,
    coordinatorSigner: params.coordinatorSigner,
    genesisTimestamp,
    ...(params.epochDurationSeconds === undefined ? {} : { epochDurationSeconds: params.epochDurationSeconds }),
    ...(params.owner === undefined ? {} : { owner: params.owner }),
  });
  return { botcoin, mining, rigNft, rigMining, usdc };
}
