// A whole sandbox network for tests: anvil, the deployed contracts, a staked miner, rigs
// delegated to an operator, and the reference coordinator serving them on 127.0.0.1.
// Every piece is real; tests talk to it over HTTP and JSON-RPC.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestClient, http, toHex, type Abi, type Address, type Hex, type TransactionReceipt } from 'viem';
import { mnemonicToAccount } from 'viem/accounts';
import type { Solution } from '../../src/challenge/types.js';
import { startAnvil, type AnvilHandle } from '../../src/sandbox/chain/anvil.js';
import { ANVIL_DEFAULT_MNEMONIC, createLocalClients, localAccount, type LocalClients } from '../../src/sandbox/chain/clients.js';
import {
  deploySandboxContracts,
  sandboxMiningAbi,
  sandboxRigNftAbi,
  testBotcoinAbi,
  type SandboxContracts,
} from '../../src/sandbox/contracts/index.js';
import { startCoordinator, type CoordinatorConfig, type CoordinatorHandle } from '../../src/sandbox/coordinator/index.js';
import type { AnswerKey } from '../../src/sandbox/generator/answer-key.js';

export const WAD = 10n ** 18n;

/** Dev account indexes (anvil's default mnemonic). */
export const ACCOUNT = { owner: 0, signer: 1, miner: 2, operator: 3, rigHolder: 4, stranger: 5 } as const;

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

export function devKey(index: number): Hex {
  const privateKey = mnemonicToAccount(ANVIL_DEFAULT_MNEMONIC, { addressIndex: index }).getHdKey().privateKey;
  if (!privateKey) throw new Error(`no private key for dev account ${index}`);
  return toHex(privateKey);
}

export async function startSandboxNetwork(options: SandboxNetworkOptions = {}): Promise<SandboxNetwork> {
  const anvil = await startAnvil();
  const wallet = (index: number): LocalClients =>
    createLocalClients(anvil.rpcUrl, anvil.chainId, localAccount({ mnemonic: ANVIL_DEFAULT_MNEMONIC, index }));
  const owner = wallet(ACCOUNT.owner);
  const miner = wallet(ACCOUNT.miner);
  const operator = wallet(ACCOUNT.operator);
  const rigHolder = wallet(ACCOUNT.rigHolder);
  const epochDurationSeconds = options.epochDurationSeconds ?? 3600;
  let coordinator: CoordinatorHandle | undefined;
  try {
    const contracts = await deploySandboxContracts(owner, {
      coordinatorSigner: localAccount(devKey(ACCOUNT.signer)).address,
      epochDurationSeconds: BigInt(epochDurationSeconds),
    });
    const stake = (options.minerStake ?? 5_000_000n) * WAD;
    await send(owner, contracts.botcoin, testBotcoinAbi, 'mint', [miner.walletClient.account.address, stake]);
    await send(miner, contracts.botcoin, testBotcoinAbi, 'approve', [contracts.mining, stake]);
    await send(miner, contracts.mining, sandboxMiningAbi, 'stake', [stake]);
    const rigIds: bigint[] = [];
    for (let i = 0; i < (options.rigs ?? 2); i++) {
      const nextRigId = (await owner.publicClient.readContract({ address: contracts.rigNft, abi: sandboxRigNftAbi, functionName: 'nextRigId' })) as bigint;
      await send(owner, contracts.rigNft, sandboxRigNftAbi, 'mintRig', [rigHolder.walletClient.account.address, options.rigCredits ?? 100n]);
      await send(rigHolder, contracts.rigNft, sandboxRigNftAbi, 'setOperator', [nextRigId, operator.walletClient.account.address]);
      rigIds.push(nextRigId);
    }
    const answerKeyDir = mkdtempSync(join(tmpdir(), 'botcoin-answer-keys-'));
    // The owner's later transactions come from the coordinator's operator loop only.
    coordinator = await startCoordinator({
      rpcUrl: anvil.rpcUrl,
      signerKey: devKey(ACCOUNT.signer),
      operatorKey: devKey(ACCOUNT.owner),
      contracts: { botcoin: contracts.botcoin, mining: contracts.mining, rigMining: contracts.rigMining },
      answerKeyDir,
      operator: { intervalMs: 200 },
      ...options.coordinator,
    });
    const testClient = createTestClient({ mode: 'anvil', transport: http(anvil.rpcUrl, { retryCount: 0 }) });
    const handle = coordinator;
    return {
      anvil,
      coordinator: handle,
      contracts,
      wallet,
      owner,
      miner,
      operator,
      rigIds,
      answerKeyDir,
      testClient,
      key: devKey,
      answerKeyOf: (challengeId) =>
        JSON.parse(readFileSync(join(answerKeyDir, `${challengeId}.json`), 'utf8')) as { answerKey: AnswerKey; solution: Solution },
      advanceEpoch: async () => {
        await testClient.increaseTime({ seconds: epochDurationSeconds });
        await testClient.mine({ blocks: 1 });
      },
      stop: async () => {
        await handle.stop();
        await anvil.stop();
      },
    };
  } catch (error) {
    await coordinator?.stop();
    await anvil.stop();
    throw error;
  }
}

/** Sends one contract call and fails unless it succeeded. */
export async function send(clients: LocalClients, address: Address, abi: Abi, functionName: string, args: readonly unknown[]): Promise<TransactionReceipt> {
  const hash = await clients.walletClient.writeContract({ address, abi, functionName, args });
  const receipt = await clients.publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== 'success') throw new Error(`${functionName} reverted (${hash})`);
  return receipt;
}
