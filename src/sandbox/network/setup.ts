/**
 * Puts a fresh sandbox chain in its demo state: the contracts deployed, a staked miner (wallet
 * lane), rigs minted to a holder and delegated to the operator (rig lane), and test USDC for the
 * student and the evaluator (market). Every account already holds ETH from anvil's genesis.
 */
import type { Abi, Address, TransactionReceipt } from 'viem';
import { MinerError } from '../../errors.js';
import { createLocalClients, localAccount, type LocalClients } from '../chain/clients.js';
import {
  deploySandboxContracts,
  sandboxMiningAbi,
  sandboxRigNftAbi,
  testBotcoinAbi,
  testUsdcAbi,
  type SandboxContracts,
} from '../contracts/index.js';
import { SANDBOX_ACCOUNT, devKey, type SandboxRole } from './accounts.js';

export interface ChainSetupOptions {
  epochSeconds: number;
  /** BOTCOIN the miner stakes, in base units. */
  minerStake: bigint;
  rigs: number;
  /** Credits per accepted solve of each rig (its eligibility: 0 would make it ineligible). */
  rigCredits: bigint;
  /** USDC (base units, 6 decimals) minted to the student and to the evaluator. */
  usdcPerWallet: bigint;
}

export interface ChainSetup {
  contracts: SandboxContracts;
  genesisTimestamp: number;
  rigIds: bigint[];
}

/** Clients of the dev account that plays `role`, each with its own nonce manager. */
export function roleClients(rpcUrl: string, chainId: number, role: SandboxRole): LocalClients {
  return createLocalClients(rpcUrl, chainId, localAccount(devKey(SANDBOX_ACCOUNT[role])));
}

export async function setupSandboxChain(rpcUrl: string, chainId: number, options: ChainSetupOptions): Promise<ChainSetup> {
  const clients = (role: SandboxRole): LocalClients => roleClients(rpcUrl, chainId, role);
  const [owner, miner, operator, rigHolder, student, evaluator] = (
    ['owner', 'miner', 'operator', 'rigHolder', 'student', 'evaluator'] as const
  ).map(clients) as [LocalClients, LocalClients, LocalClients, LocalClients, LocalClients, LocalClients];
  const contracts = await deploySandboxContracts(owner, {
    coordinatorSigner: localAccount(devKey(SANDBOX_ACCOUNT.coordinatorSigner)).address,
    epochDurationSeconds: BigInt(options.epochSeconds),
  });
  const firstRigId = (await owner.publicClient.readContract({
    address: contracts.rigNft,
    abi: sandboxRigNftAbi,
    functionName: 'nextRigId',
  })) as bigint;
  const rigIds = Array.from({ length: options.rigs }, (_, i) => firstRigId + BigInt(i));
  // Independent transactions go out together (each account's nonce manager orders its own);
  // a call whose gas estimate depends on another waits for that one's receipt.
  await Promise.all([
    (async () => {
      await Promise.all([
        sendAndConfirm(owner, contracts.botcoin, testBotcoinAbi, 'mint', [address(miner), options.minerStake]),
        sendAndConfirm(miner, contracts.botcoin, testBotcoinAbi, 'approve', [contracts.mining, options.minerStake]),
      ]);
      await sendAndConfirm(miner, contracts.mining, sandboxMiningAbi, 'stake', [options.minerStake]);
    })(),
    (async () => {
      // The owner is the only minter, so these mints take ids firstRigId, firstRigId+1, ...
      await Promise.all(rigIds.map(() => sendAndConfirm(owner, contracts.rigNft, sandboxRigNftAbi, 'mintRig', [address(rigHolder), options.rigCredits])));
      await Promise.all(rigIds.map((rigId) => sendAndConfirm(rigHolder, contracts.rigNft, sandboxRigNftAbi, 'setOperator', [rigId, address(operator)])));
    })(),
    ...[student, evaluator].map((wallet) =>
      sendAndConfirm(owner, contracts.usdc, testUsdcAbi, 'mint', [address(wallet), options.usdcPerWallet]),
    ),
  ]);
  const genesisTimestamp = (await owner.publicClient.readContract({
    address: contracts.mining,
    abi: sandboxMiningAbi,
    functionName: 'genesisTimestamp',
  })) as bigint;
  return { contracts, genesisTimestamp: Number(genesisTimestamp), rigIds };
}

function address(clients: LocalClients): Address {
  return clients.walletClient.account.address;
}

/** Sends one contract call and resolves with its receipt once mined; a revert is an error. */
export async function sendAndConfirm(
  clients: LocalClients,
  contract: Address,
  abi: Abi,
  functionName: string,
  args: readonly unknown[],
): Promise<TransactionReceipt> {
  const hash = await clients.walletClient.writeContract({ address: contract, abi, functionName, args });
  const receipt = await clients.publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== 'success') {
    throw new MinerError('SANDBOX', `Setting up the sandbox failed: ${functionName} reverted (transaction ${hash}).`, {
      hint: 'Start the sandbox again on a fresh chain (without --state, or with a new state file).',
    });
  }
  return receipt;
}
