// The miner's test world: a whole sandbox network (anvil, contracts, the reference coordinator
// with its fault and hostile modes) plus the answer-key replay standing in for the paid model
// API. Everything is real and talks over loopback HTTP and JSON-RPC.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Address, Hex } from 'viem';
import { openMinerSession, type MinerEvent, type MinerSession, type MinerSettings } from '../../../src/miner/index.js';
import { startAnswerKeyModel, answerKeyLookupFromDir, type AnswerKeyModel, type FaultPlan } from '../../../src/sandbox/answer-key-model/index.js';
import { startSandbox, type SandboxHandle, type SandboxOptions } from '../../../src/sandbox/network/index.js';
import { unregisterSecret } from '../../../src/safety/secrets.js';
import { createLocalPublicClient, type LocalPublicClient } from '../../../src/sandbox/chain/clients.js';

export interface MinerWorld {
  sandbox: SandboxHandle;
  replay: AnswerKeyModel;
  /** A fresh data dir per world: its own ledgers and locks. */
  dataDir: string;
  minerKey: Hex;
  operatorKey: Hex;
  minerAddress: Address;
  operatorAddress: Address;
  rigIds: string[];
  /** A read client on the sandbox chain. */
  chain: LocalPublicClient;
  /** Settings for a session on `lane` (wallet: the staked miner; rig: the operator). */
  settings(lane: 'wallet' | 'rig', extra?: Partial<MinerSettings>): MinerSettings;
  /** Environment for the built CLI on `lane`. */
  cliEnv(lane: 'wallet' | 'rig', extra?: Record<string, string>): Record<string, string>;
  open(lane: 'wallet' | 'rig', extra?: Partial<MinerSettings>): Promise<MinerSession>;
  stop(): Promise<void>;
}

/** Fast coordinator retries: the protocol's 2-60 s schedule would make fault tests take minutes. */
export const FAST_RETRY = { delaysMs: [50, 100, 200, 400], maxDelayMs: 400, jitter: 0 };

export async function startMinerWorld(options: { sandbox?: SandboxOptions; replayFaults?: FaultPlan } = {}): Promise<MinerWorld> {
  const dataDir = mkdtempSync(join(tmpdir(), 'botcoin-miner-world-'));
  const sandbox = await startSandbox({
    dataDir,
    writeDescription: false,
    rigs: 3,
    ...options.sandbox,
    coordinator: { rigProcessing: { delayMs: 10, retryAfterSeconds: 0 }, operator: { intervalMs: 100 }, ...options.sandbox?.coordinator },
  });
  const replay = await startAnswerKeyModel({ lookup: answerKeyLookupFromDir(sandbox.description.answerKeyDir), ...(options.replayFaults ? { faults: options.replayFaults } : {}) });
  const { miner, operator } = sandbox.description.accounts;
  const base = (lane: 'wallet' | 'rig'): Record<string, string> => ({
    COORDINATOR_URL: sandbox.description.coordinator.url,
    BASE_RPC_URL: sandbox.description.chain.rpcUrl,
    BOTCOIN_DATA_DIR: dataDir,
    BOTCOIN_CONFIG_DIR: join(dataDir, 'config'),
    BOTCOIN_PRIVATE_KEY: lane === 'wallet' ? miner.privateKey : operator.privateKey,
    BOTCOIN_LANE: lane,
    BOTCOIN_RIGS: operator.rigIds.join(','),
    BOTCOIN_MODEL_BASE_URL: replay.baseUrl,
    BOTCOIN_MODEL: replay.model,
    BOTCOIN_MODEL_API_KEY: 'sk-replay-test-key-not-secret',
  });
  const settings = (lane: 'wallet' | 'rig', extra: Partial<MinerSettings> = {}): MinerSettings => {
    const env = base(lane);
    return {
      coordinator: env.COORDINATOR_URL,
      rpc: env.BASE_RPC_URL,
      dataDir,
      lane,
      rigs: operator.rigIds,
      model: replay.model,
      modelBaseUrl: replay.baseUrl,
      modelApiKey: env.BOTCOIN_MODEL_API_KEY,
      env: { BOTCOIN_PRIVATE_KEY: env.BOTCOIN_PRIVATE_KEY as string },
      needsModel: true,
      coordinatorRetry: FAST_RETRY,
      confirmTimeoutMs: 20_000,
      ...extra,
    };
  };
  return {
    sandbox,
    replay,
    dataDir,
    minerKey: miner.privateKey as Hex,
    operatorKey: operator.privateKey as Hex,
    minerAddress: miner.address as Address,
    operatorAddress: operator.address as Address,
    rigIds: operator.rigIds,
    chain: createLocalPublicClient(sandbox.description.chain.rpcUrl, sandbox.description.chain.chainId),
    settings,
    cliEnv: (lane, extra = {}) => ({ ...base(lane), ...extra }),
    open: (lane, extra) => openMinerSession(settings(lane, extra)),
    stop: async () => {
      await replay.stop();
      await sandbox.stop();
      // The session registered the dev keys as secrets; later tests in this worker start clean.
      unregisterSecret(miner.privateKey);
      unregisterSecret(operator.privateKey);
    },
  };
}

/** The address's [latest, pending] nonces: both unchanged proves nothing was sent, not even queued. */
export async function nonces(world: MinerWorld, address: Address): Promise<[number, number]> {
  return Promise.all([
    world.chain.getTransactionCount({ address, blockTag: 'latest' }),
    world.chain.getTransactionCount({ address, blockTag: 'pending' }),
  ]);
}

/** Collects events for assertions. */
export function eventLog(): { events: MinerEvent[]; sink: (event: MinerEvent) => void; of<T extends MinerEvent['type']>(type: T): Array<Extract<MinerEvent, { type: T }>> } {
  const events: MinerEvent[] = [];
  return {
    events,
    sink: (event) => events.push(event),
    of: (type) => events.filter((e) => e.type === type) as never,
  };
}
