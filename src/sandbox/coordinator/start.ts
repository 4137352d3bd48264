/**
 * startCoordinator: connects to the chain (deploying a fresh sandbox set unless `contracts`
 * names an existing deployment), checks the signer is the one the contracts trust, starts the
 * operator loop and serves the app on 127.0.0.1.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createPublicClient, getAddress, http, type Address, type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { getEip712Domain } from 'viem/actions';
import { MinerError } from '../../errors.js';
import { createLocalClients, createLocalPublicClient, createLocalWalletClient, localAccount } from '../chain/clients.js';
import { sandboxMiningAbi, deploySandboxContracts } from '../contracts/index.js';
import { createCoordinatorApp, type CoordinatorApp } from './app.js';
import { AuthStore } from './auth-store.js';
import { ChainReader } from './chain-reader.js';
import { ChallengeStore } from './challenge-store.js';
import { resolveConfig, type CoordinatorConfig, type CoordinatorContracts, type FaultConfig, type HostileMode } from './config.js';
import type { CoordinatorDeps, CoordinatorState } from './deps.js';
import { createFaultPlan } from './middleware/faults.js';
import { EpochOperator } from './operator.js';
import { RateLimiter } from './rate-limiter.js';
import type { ReceiptDomains } from './receipt-signer.js';
import { RigAttemptStore } from './rig-attempts.js';
import { SessionStore } from './sessions.js';

export interface CoordinatorHandle {
  url: string;
  port: number;
  chainId: number;
  contracts: CoordinatorContracts & { rigNft: Address };
  app: CoordinatorApp;
  state: CoordinatorState;
  operator: EpochOperator;
  /** Fault injection for resilience tests; takes effect on the next request. */
  setFaults(config: FaultConfig): void;
  /** Hostile pass responses for guard tests; takes effect on the next pass. */
  setHostile(mode: HostileMode): void;
  stop(): Promise<void>;
}

export async function startCoordinator(config: CoordinatorConfig): Promise<CoordinatorHandle> {
  const chainId = await createPublicClient({ transport: http(config.rpcUrl, { retryCount: 0 }) }).getChainId();
  const signer = privateKeyToAccount(config.signerKey);
  const operatorKey = config.operatorKey ?? config.signerKey;
  const contracts = config.contracts ?? (await deploy(config, chainId, signer.address, operatorKey));
  const resolved = resolveConfig(config, contracts, () => `0x${randomBytes(32).toString('hex')}` as Hex);
  const publicClient = createLocalPublicClient(config.rpcUrl, chainId);
  const reader = await ChainReader.connect(publicClient, contracts);
  await requireTrustedSigner(reader, signer.address);
  const [clock, domains] = await Promise.all([reader.clock(), readDomains(reader, chainId)]);

  const now = (): number => Date.now();
  const operator = new EpochOperator({
    reader,
    wallet: createLocalWalletClient(config.rpcUrl, chainId, localAccount(operatorKey)),
    serverSecret: resolved.serverSecret,
    intervalMs: resolved.operator.intervalMs,
    epochReward: resolved.operator.epochReward,
    bonusEvery: resolved.operator.bonusEvery,
    bonusReward: resolved.operator.bonusReward,
    ...(config.onError ? { onError: config.onError } : {}),
  });
  const state: CoordinatorState = {
    auth: new AuthStore(now),
    rateLimiter: new RateLimiter(now),
    challenges: new ChallengeStore(),
    walletSessions: new SessionStore(now, () => resolved.session),
    rigSessions: new SessionStore(now, () => resolved.session),
    attempts: new RigAttemptStore(now),
  };
  const faults = createFaultPlan(resolved.faults);
  let hostile = resolved.hostile;
  const deps: CoordinatorDeps = {
    config: resolved,
    chainId,
    reader,
    clock,
    operator,
    signer,
    domains,
    state,
    faults,
    hostile: () => hostile,
    now,
    ...(config.onError ? { onError: config.onError } : {}),
  };
  const app = createCoordinatorApp(deps);
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: resolved.port });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.once('listening', () => resolve((server.address() as AddressInfo).port));
  });
  if (resolved.operator.enabled) operator.start();

  let stopping: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    chainId,
    contracts: reader.contracts,
    app,
    state,
    operator,
    setFaults: (next) => faults.set(next),
    setHostile: (mode) => {
      hostile = mode;
    },
    stop: () =>
      (stopping ??= (async () => {
        await operator.stop();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          (server as { closeAllConnections?: () => void }).closeAllConnections?.();
        });
      })()),
  };
}

async function deploy(config: CoordinatorConfig, chainId: number, signer: Address, operatorKey: Hex): Promise<CoordinatorContracts> {
  const clients = createLocalClients(config.rpcUrl, chainId, localAccount(config.deploy?.deployerKey ?? operatorKey));
  const deployed = await deploySandboxContracts(clients, {
    coordinatorSigner: signer,
    owner: localAccount(operatorKey).address,
    ...(config.deploy?.epochDurationSeconds === undefined ? {} : { epochDurationSeconds: BigInt(config.deploy.epochDurationSeconds) }),
  });
  return { botcoin: deployed.botcoin, mining: deployed.mining, rigMining: deployed.rigMining };
}

/** A coordinator whose key the contracts do not trust would sign receipts that always revert. */
async function requireTrustedSigner(reader: ChainReader, signer: Address): Promise<void> {
  for (const which of ['mining', 'rigMining'] as const) {
    const trusted = await reader.read<Address>(reader.address(which), sandboxMiningAbi, 'coordinatorSigner');
    if (getAddress(trusted) !== getAddress(signer)) {
      throw new MinerError('CONFIG', `The coordinator key (${signer}) is not the ${which} contract's coordinatorSigner (${trusted}).`, {
        hint: 'Start the coordinator with the signer key the deployment trusts, or deploy a fresh sandbox.',
      });
    }
  }
}

async function readDomains(reader: ChainReader, chainId: number): Promise<ReceiptDomains> {
  const [mining, rigMining] = await Promise.all(
    [reader.contracts.mining, reader.contracts.rigMining].map(async (address) => {
      const { domain } = await getEip712Domain(reader.client, { address });
      return { name: domain.name, version: domain.version, chainId, verifyingContract: address };
    }),
  );
  return { chainId, mining: mining!, rigMining: rigMining! };
}
