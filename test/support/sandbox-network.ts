// A whole sandbox network for tests: a thin wrapper over src/sandbox/network (what `sandbox up`
// runs) that keeps the handles tests reach into — anvil, the coordinator, clients per dev
// account, answer keys, chain time. Every piece is real; tests talk to it over HTTP and JSON-RPC.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestClient, http, type Hex } from 'viem';
import type { Solution } from '../../src/challenge/types.js';
import type { AnvilHandle } from '../../src/sandbox/chain/anvil.js';
import { createLocalClients, localAccount, type LocalClients } from '../../src/sandbox/chain/clients.js';
import type { SandboxContracts } from '../../src/sandbox/contracts/index.js';
import type { CoordinatorConfig, CoordinatorHandle } from '../../src/sandbox/coordinator/index.js';
import type { AnswerKey } from '../../src/sandbox/generator/answer-key.js';
import { SANDBOX_ACCOUNT, devKey, sendAndConfirm, startSandbox } from '../../src/sandbox/network/index.js';

export const WAD = 10n ** 18n;

/** Dev account indexes (anvil's default mnemonic), as the sandbox assigns them. */
export const ACCOUNT = {
  owner: SANDBOX_ACCOUNT.owner,
  signer: SANDBOX_ACCOUNT.coordinatorSigner,
  miner: SANDBOX_ACCOUNT.miner,
  operator: SANDBOX_ACCOUNT.operator,
  rigHolder: SANDBOX_ACCOUNT.rigHolder,
  stranger: SANDBOX_ACCOUNT.stranger,
  student: SANDBOX_ACCOUNT.student,
  evaluator: SANDBOX_ACCOUNT.evaluator,
} as const;

export interface SandboxNetworkOptions {
  /** Epoch length (default 3600 s; use a short one with `advanceEpoch` to test claims). */
  epochDurationSeconds?: number;
  /** Whole BOTCOIN the miner stakes (default 5,000,000: the lowest V3 tier, 100 credits). */
  minerStake?: bigint;
  /** Rigs minted to the rig holder and delegated to the operator (default 2), each with these credits. */
  rigs?: number;
  rigCredits?: bigint;
  /** Overrides for the coordinator (rate limits, faults, sessions, operator loop...). */
  coordinator?: Partial<CoordinatorConfig>;
}

export interface SandboxNetwork {
  anvil: AnvilHandle;
  coordinator: CoordinatorHandle;
  contracts: SandboxContracts;
  /** Clients of dev account `index`. */
  wallet(index: number): LocalClients;
  owner: LocalClients;
  miner: LocalClients;
  operator: LocalClients;
  rigIds: bigint[];
  answerKeyDir: string;
  testClient: ReturnType<typeof createTestClient>;
  /** The private key of dev account `index` (test chain only). */
  key(index: number): Hex;
  /** The answer key and reference solution the coordinator wrote for an issued challenge. */
  answerKeyOf(challengeId: string): { answerKey: AnswerKey; solution: Solution };
  /** Moves chain time to the next epoch and mines a block there. */
  advanceEpoch(): Promise<void>;
  stop(): Promise<void>;
}

/** `devKey(index)`: dev account keys; `send`: one contract call, failing unless it succeeded. */
export { devKey, sendAndConfirm as send };

export async function startSandboxNetwork(options: SandboxNetworkOptions = {}): Promise<SandboxNetwork> {
  const answerKeyDir = mkdtempSync(join(tmpdir(), 'botcoin-answer-keys-'));
  const epochDurationSeconds = options.epochDurationSeconds ?? 3600;
  // Many networks run side by side in tests: no description file, and a fast operator loop.
  const sandbox = await startSandbox({
    writeDescription: false,
    answerKeyDir,
    epochSeconds: epochDurationSeconds,
    rigs: options.rigs ?? 2,
    ...(options.rigCredits === undefined ? {} : { rigCredits: options.rigCredits }),
    ...(options.minerStake === undefined ? {} : { minerStake: options.minerStake }),
    coordinator: { operator: { intervalMs: 200 }, ...options.coordinator },
  });
  const { anvil } = sandbox;
  const wallet = (index: number): LocalClients => createLocalClients(anvil.rpcUrl, anvil.chainId, localAccount(devKey(index)));
  const testClient = createTestClient({ mode: 'anvil', transport: http(anvil.rpcUrl, { retryCount: 0 }) });
  return {
    anvil,
    coordinator: sandbox.coordinator,
    contracts: sandbox.contracts,
    wallet,
    owner: wallet(ACCOUNT.owner),
    miner: wallet(ACCOUNT.miner),
    operator: wallet(ACCOUNT.operator),
    rigIds: sandbox.rigIds,
    answerKeyDir,
    testClient,
    key: devKey,
    answerKeyOf: (challengeId) =>
      JSON.parse(readFileSync(join(answerKeyDir, `${challengeId}.json`), 'utf8')) as { answerKey: AnswerKey; solution: Solution },
    advanceEpoch: async () => {
      await testClient.increaseTime({ seconds: epochDurationSeconds });
      await testClient.mine({ blocks: 1 });
    },
    stop: () => sandbox.stop(),
  };
}
