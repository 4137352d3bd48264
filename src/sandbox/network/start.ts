/**
 * startSandbox: the whole local network in one call — anvil, the contracts, funded test wallets
 * (see accounts.ts and setup.ts), the reference coordinator with its operator duties, optional
 * evaluator servers — and the description file that tells everyone else how to reach it.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createTestClient, http, type Address, type Hex } from 'viem';
import { MinerError } from '../../errors.js';
import { startAnvil, type AnvilHandle } from '../chain/anvil.js';
import { createLocalPublicClient, localAccount } from '../chain/clients.js';
import type { SandboxContracts } from '../contracts/index.js';
import { startCoordinator, type CoordinatorConfig, type CoordinatorHandle } from '../coordinator/index.js';
import { SANDBOX_ACCOUNT, devKey, type SandboxRole } from './accounts.js';
import { removeSandboxDescription, writeSandboxDescription, type SandboxDescription } from './description.js';
import { startEvaluators, stopEvaluators, type SandboxEvaluatorHandle, type SandboxEvaluatorStarter } from './evaluators.js';
import { assertNoLiveSandbox } from './liveness.js';
import { sandboxPaths } from './paths.js';
import { setupSandboxChain, type ChainSetup } from './setup.js';
import { readStateRecord, writeStateRecord, type SandboxStateRecord } from './state-record.js';

export interface SandboxOptions {
  /** 0 (default): a block per transaction; 2: a block every 2 s, like Base. */
  blockTime?: 0 | 2;
  /** Epoch length of a new sandbox (default 300 s, so a claim fits in one sitting). */
  epochSeconds?: number;
  coordinatorPort?: number;
  rpcPort?: number;
  /** anvil `--state`: the chain (and, via `<file>.sandbox.json`, the sandbox) survives restarts. */
  stateFile?: string;
  /** Base of `<dataDir>/sandbox/` (default BOTCOIN_DATA_DIR or the OS data dir). */
  dataDir?: string;
  /** Write the description file (default true; tests running many networks turn it off). */
  writeDescription?: boolean;
  /** Where the coordinator writes answer keys (default `<dataDir>/sandbox/answer-keys`). */
  answerKeyDir?: string;
  /** Rigs minted to the rig holder and delegated to the operator (default 3). */
  rigs?: number;
  /** Credits per solve of each rig (default 100). */
  rigCredits?: bigint;
  /** Whole BOTCOIN the miner stakes (default 5,000,000: the lowest V3 tier). */
  minerStake?: bigint;
  /** Whole test USDC for the student and the evaluator each (default 10,000). */
  usdcPerWallet?: bigint;
  /** Overrides for the coordinator (operator loop, limits, faults, onError...). */
  coordinator?: Partial<CoordinatorConfig>;
  /** Evaluator servers to start with the network (the market's extension point). */
  evaluators?: readonly SandboxEvaluatorStarter[];
}

export interface SandboxHandle {
  description: SandboxDescription;
  /** The description file, when one was written. */
  descriptionPath: string | undefined;
  anvil: AnvilHandle;
  coordinator: CoordinatorHandle;
  contracts: SandboxContracts;
  rigIds: bigint[];
  /** Stops evaluators, coordinator and anvil (saving `--state`), then removes the description. Idempotent. */
  stop(): Promise<void>;
}

export const DEFAULT_EPOCH_SECONDS = 300;
/**
 * The coordinator's stop waits for its operator's in-flight transaction. On a signal, anvil.ts
 * has already stopped the chain, so that receipt never comes (viem waits 180 s): stop no longer.
 */
const COORDINATOR_STOP_GRACE_MS = 5_000;
const TOKEN = 10n ** 18n;
const USDC = 10n ** 6n;

export async function startSandbox(options: SandboxOptions = {}): Promise<SandboxHandle> {
  const paths = sandboxPaths(options.dataDir);
  const writeDescription = options.writeDescription ?? true;
  if (writeDescription) await assertNoLiveSandbox(options.dataDir);
  const stateFile = options.stateFile === undefined ? undefined : resolve(options.stateFile);
  const saved = stateFile === undefined ? undefined : await readStateRecord(stateFile);
  const answerKeyDir = resolve(options.answerKeyDir ?? paths.answerKeys);
  const blockTime = options.blockTime ?? 0;
  const anvil = await startAnvil({
    ...(options.rpcPort === undefined ? {} : { port: options.rpcPort }),
    ...(stateFile === undefined ? {} : { stateFile }),
  });
  let coordinator: CoordinatorHandle | undefined;
  let evaluators: SandboxEvaluatorHandle[] = [];
  try {
    const network = saved ? await restoreNetwork(anvil, saved) : await setupNetwork(anvil, options, stateFile);
    // Setup ran with a block per transaction (instant); Base-like blocks start only now.
    if (blockTime > 0) {
      await createTestClient({ mode: 'anvil', transport: http(anvil.rpcUrl, { retryCount: 0 }) }).setIntervalMining({ interval: blockTime });
    }
    await mkdir(answerKeyDir, { recursive: true });
    coordinator = await startCoordinator({
      rpcUrl: anvil.rpcUrl,
      signerKey: devKey(SANDBOX_ACCOUNT.coordinatorSigner),
      operatorKey: devKey(SANDBOX_ACCOUNT.owner),
      contracts: { botcoin: network.contracts.botcoin, mining: network.contracts.mining, rigMining: network.contracts.rigMining },
      answerKeyDir,
      serverSecret: network.serverSecret,
      ...(options.coordinatorPort === undefined ? {} : { port: options.coordinatorPort }),
      ...options.coordinator,
    });
    const described = describeNetwork(anvil, coordinator, network, blockTime, answerKeyDir);
    evaluators = await startEvaluators(options.evaluators ?? [], described);
    const description: SandboxDescription = { ...described, evaluators: evaluators.map((e) => e.description) };
    if (writeDescription) {
      await writeSandboxDescription(paths.description, description);
      await writeFile(paths.anvilPid, `${anvil.pid}\n`, { mode: 0o600 });
    }
    const started = coordinator;
    const running = evaluators;
    let stopping: Promise<void> | undefined;
    return {
      description,
      descriptionPath: writeDescription ? paths.description : undefined,
      anvil,
      coordinator: started,
      contracts: network.contracts,
      rigIds: network.rigIds,
      stop: () =>
        (stopping ??= (async () => {
          // anvil's child process and pipes are unref'd: once the coordinator's server closes,
          // nothing else may keep a CLI's event loop alive while we wait for anvil to exit.
          const keepAlive = setInterval(() => undefined, 1_000);
          try {
            await stopEvaluators(running);
            await stopWithin(started.stop(), COORDINATOR_STOP_GRACE_MS);
            await anvil.stop();
            if (writeDescription) {
              await removeSandboxDescription(paths.description, process.pid);
              await rm(paths.anvilPid, { force: true });
            }
          } finally {
            clearInterval(keepAlive);
          }
        })()),
    };
  } catch (error) {
    await stopEvaluators(evaluators);
    await coordinator?.stop();
    await anvil.stop();
    throw error;
  }
}

/** What the chain holds for the sandbox, plus the coordinator secret its epoch commits use. */
interface PreparedNetwork extends ChainSetup {
  epochSeconds: number;
  minerStake: bigint;
  serverSecret: Hex;
}

/** A fresh chain: deploy and fund everything; with `--state`, record what a restart needs. */
async function setupNetwork(anvil: AnvilHandle, options: SandboxOptions, stateFile: string | undefined): Promise<PreparedNetwork> {
  const epochSeconds = options.epochSeconds ?? DEFAULT_EPOCH_SECONDS;
  const minerStake = (options.minerStake ?? 5_000_000n) * TOKEN;
  const chain = await setupSandboxChain(anvil.rpcUrl, anvil.chainId, {
    epochSeconds,
    minerStake,
    rigs: options.rigs ?? 3,
    rigCredits: options.rigCredits ?? 100n,
    usdcPerWallet: (options.usdcPerWallet ?? 10_000n) * USDC,
  });
  const network: PreparedNetwork = { ...chain, epochSeconds, minerStake, serverSecret: `0x${randomBytes(32).toString('hex')}` };
  if (stateFile !== undefined) {
    await writeStateRecord(stateFile, {
      version: 1,
      contracts: network.contracts,
      epochSeconds,
      genesisTimestamp: network.genesisTimestamp,
      minerStake: minerStake.toString(),
      rigIds: network.rigIds.map(String),
      serverSecret: network.serverSecret,
    });
  }
  return network;
}

/** A chain loaded from `--state`: everything is already there; the record says where. */
async function restoreNetwork(anvil: AnvilHandle, record: SandboxStateRecord): Promise<PreparedNetwork> {
  const code = await createLocalPublicClient(anvil.rpcUrl, anvil.chainId).getCode({ address: record.contracts.mining as Address });
  if (code === undefined || code === '0x') {
    throw new MinerError('SANDBOX', `The saved sandbox's mining contract ${record.contracts.mining} is not on the loaded chain.`, {
      hint: 'The state file and its .sandbox.json record do not match: use a new --state path for a fresh sandbox.',
    });
  }
  return {
    contracts: record.contracts as SandboxContracts,
    genesisTimestamp: record.genesisTimestamp,
    rigIds: record.rigIds.map(BigInt),
    epochSeconds: record.epochSeconds,
    minerStake: BigInt(record.minerStake),
    serverSecret: record.serverSecret as Hex,
  };
}

function describeNetwork(
  anvil: AnvilHandle,
  coordinator: CoordinatorHandle,
  network: PreparedNetwork,
  blockTime: number,
  answerKeyDir: string,
): Omit<SandboxDescription, 'evaluators'> {
  return {
    version: 1,
    pid: process.pid,
    startedAt: new Date().toISOString(),
    chain: { rpcUrl: anvil.rpcUrl, chainId: anvil.chainId, blockTime },
    coordinator: { url: coordinator.url, skillUrl: `${coordinator.url}/.well-known/skill.md` },
    contracts: network.contracts,
    epoch: { durationSeconds: network.epochSeconds, genesisTimestamp: network.genesisTimestamp },
    accounts: {
      owner: wallet('owner'),
      coordinatorSigner: wallet('coordinatorSigner'),
      miner: { ...wallet('miner'), stake: network.minerStake.toString() },
      operator: { ...wallet('operator'), rigIds: network.rigIds.map(String) },
      student: wallet('student'),
      evaluator: wallet('evaluator'),
      facilitator: wallet('facilitator'),
    },
    answerKeyDir,
  };
}

function wallet(role: SandboxRole): { address: string; privateKey: Hex } {
  const privateKey = devKey(SANDBOX_ACCOUNT[role]);
  return { address: localAccount(privateKey).address, privateKey };
}

function stopWithin(stopping: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  return Promise.race([stopping, deadline]).finally(() => clearTimeout(timer));
}
