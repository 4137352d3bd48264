// Shared setup for the contract tests: a real anvil, the real artifacts deployed, funded wallets.
import {
  BaseError,
  ContractFunctionRevertedError,
  createTestClient,
  http,
  keccak256,
  toHex,
  type Abi,
  type Account,
  type Address,
  type Hex,
  type TransactionReceipt,
} from 'viem';
import { startAnvil, type AnvilHandle } from '../../../src/sandbox/chain/anvil.js';
import {
  ANVIL_DEFAULT_MNEMONIC,
  createLocalClients,
  localAccount,
  type LocalClients,
} from '../../../src/sandbox/chain/clients.js';
import {
  deploySandboxContracts,
  miningDomain,
  receiptTypes,
  testBotcoinAbi,
  sandboxMiningAbi,
  type SandboxContracts,
} from '../../../src/sandbox/contracts/index.js';
import { receiptContentArgs, type ReceiptContent } from '../../../src/sandbox/coordinator/receipt-content.js';

export const WAD = 10n ** 18n;
export const EPOCH_SECONDS = 3600n;
export const COOLDOWN_SECONDS = 600n;

export interface Sandbox {
  anvil: AnvilHandle;
  /** Account 0: deployer and contract owner (the operator). */
  operator: LocalClients;
  /** Account 1: the coordinator's signing key (never sends transactions). */
  coordinator: Account;
  contracts: SandboxContracts;
  testClient: ReturnType<typeof createTestClient>;
  /** Clients for dev account `index` (2..9 are free for tests). */
  wallet(index: number): LocalClients;
}

export async function startSandbox(): Promise<Sandbox> {
  const anvil = await startAnvil();
  const wallet = (index: number): LocalClients =>
    createLocalClients(anvil.rpcUrl, anvil.chainId, localAccount({ mnemonic: ANVIL_DEFAULT_MNEMONIC, index }));
  const operator = wallet(0);
  const coordinator = localAccount({ mnemonic: ANVIL_DEFAULT_MNEMONIC, index: 1 });
  const contracts = await deploySandboxContracts(operator, {
    coordinatorSigner: coordinator.address,
    epochDurationSeconds: EPOCH_SECONDS,
    unstakeCooldownSeconds: COOLDOWN_SECONDS,
  });
  const testClient = createTestClient({ mode: 'anvil', transport: http(anvil.rpcUrl, { retryCount: 0 }) });
  return { anvil, operator, coordinator, contracts, testClient, wallet };
}

export interface Call {
  address: Address;
  abi: Abi;
  functionName: string;
  args?: readonly unknown[];
}

/** Sends a transaction, waits for its receipt and fails the test unless it succeeded. */
export async function send(clients: LocalClients, call: Call): Promise<TransactionReceipt> {
  const hash = await clients.walletClient.writeContract({ ...call, args: call.args ?? [] });
  const receipt = await clients.publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== 'success') throw new Error(`${call.functionName} reverted`);
  return receipt;
}

/** The custom error name a call would revert with (eth_call), or undefined if it succeeds. */
export async function revertName(clients: LocalClients, call: Call): Promise<string | undefined> {
  try {
    await clients.publicClient.simulateContract({
      ...call,
      args: call.args ?? [],
      account: clients.walletClient.account,
    });
    return undefined;
  } catch (error) {
    const reverted = error instanceof BaseError ? error.walk((e) => e instanceof ContractFunctionRevertedError) : undefined;
    if (reverted instanceof ContractFunctionRevertedError) return reverted.data?.errorName ?? reverted.reason ?? 'unknown';
    throw error;
  }
}

export async function read<T>(clients: LocalClients, call: Call): Promise<T> {
  return (await clients.publicClient.readContract({ ...call, args: call.args ?? [] })) as T;
}

/** A call to the sandbox's BotcoinMining. */
export function miningCall(sandbox: Sandbox, functionName: string, args: readonly unknown[] = []): Call {
  return { address: sandbox.contracts.mining, abi: sandboxMiningAbi, functionName, args };
}

/** The BOTCOIN balance of a wallet. */
export function botcoinBalance(sandbox: Sandbox, clients: LocalClients): Promise<bigint> {
  return read<bigint>(clients, { address: sandbox.contracts.botcoin, abi: testBotcoinAbi, functionName: 'balanceOf', args: [clients.walletClient.account.address] });
}

/** Mints `wholeTokens` BOTCOIN to the wallet and stakes them all on the mining contract. */
export async function fundAndStake(sandbox: Sandbox, miner: LocalClients, wholeTokens: bigint): Promise<void> {
  const amount = wholeTokens * WAD;
  const { botcoin, mining } = sandbox.contracts;
  await send(sandbox.operator, { address: botcoin, abi: testBotcoinAbi, functionName: 'mint', args: [miner.walletClient.account.address, amount] });
  await send(miner, { address: botcoin, abi: testBotcoinAbi, functionName: 'approve', args: [mining, amount] });
  await send(miner, { address: mining, abi: sandboxMiningAbi, functionName: 'stake', args: [amount] });
}

/** Sets the epoch commit on a mining contract: commit = keccak256(secret). */
export async function commitEpoch(sandbox: Sandbox, contract: Address, abi: Abi, epochId: bigint, secret: Hex): Promise<void> {
  await send(sandbox.operator, { address: contract, abi, functionName: 'setEpochCommit', args: [epochId, keccak256(secret)] });
}

/** Moves chain time past the current epoch and mines a block there. */
export async function endEpoch(sandbox: Sandbox): Promise<void> {
  await sandbox.testClient.increaseTime({ seconds: Number(EPOCH_SECONDS) });
  await sandbox.testClient.mine({ blocks: 1 });
}

/** A deterministic 32-byte value for receipt fields. */
export function word(label: string): Hex {
  return keccak256(toHex(label));
}

/** The wallet-lane receipt as signed: the miner plus the coordinator's receipt content. */
export type ReceiptMessage = ReceiptContent & { miner: Address };

/** A receipt with deterministic content derived from `label`. */
export function makeReceipt(miner: Address, epochId: bigint, solveIndex: bigint, prevReceiptHash: Hex, label: string): ReceiptMessage {
  return {
    miner,
    epochId,
    solveIndex,
    prevReceiptHash,
    challengeId: word(`challenge ${label}`),
    commit: word(`commit ${epochId}`),
    docHash: word(`doc ${label}`),
    questionsHash: word(`questions ${label}`),
    constraintsHash: word(`constraints ${label}`),
    answersHash: word(`answers ${label}`),
    worldSeed: (1n << 127n) + 12345n,
    rulesVersion: 3,
  };
}

/** The rig-lane receipt as signed: rig and operator plus the receipt content, keys in struct order. */
export type RigReceiptMessage = { rigId: bigint; operator: Address } & ReceiptContent;

/** A rig receipt with deterministic content derived from `label`; its keys are in struct order, which is also submitRigReceipt's argument order. */
export function makeRigReceipt(rigId: bigint, operator: Address, epochId: bigint, solveIndex: bigint, prevReceiptHash: Hex, label: string): RigReceiptMessage {
  return {
    rigId,
    operator,
    epochId,
    solveIndex,
    prevReceiptHash,
    challengeId: word(`rig challenge ${label}`),
    commit: word(`rig commit ${epochId}`),
    docHash: word(`doc ${label}`),
    questionsHash: word(`questions ${label}`),
    constraintsHash: word(`constraints ${label}`),
    answersHash: word(`answers ${label}`),
    worldSeed: 987654321n,
    rulesVersion: 3,
  };
}

/** Signs a wallet-lane receipt as the coordinator does (or as `signer`, for forgeries). */
export async function signReceipt(sandbox: Sandbox, message: ReceiptMessage, signer: Account = sandbox.coordinator): Promise<Hex> {
  if (!signer.signTypedData) throw new Error('account cannot sign typed data');
  const domain = miningDomain({ chainId: sandbox.anvil.chainId, verifyingContract: sandbox.contracts.mining });
  return signer.signTypedData({ domain, types: receiptTypes, primaryType: 'Receipt', message: { ...message } });
}

export function submitReceiptCall(sandbox: Sandbox, message: ReceiptMessage, signature: Hex): Call {
  return {
    address: sandbox.contracts.mining,
    abi: sandboxMiningAbi,
    functionName: 'submitReceipt',
    args: [...receiptContentArgs(message), signature],
  };
}

/** Submits the miner's next receipt in the current epoch (cursor read from chain). */
export async function mineOneReceipt(sandbox: Sandbox, miner: LocalClients, label: string): Promise<TransactionReceipt> {
  const address = miner.walletClient.account.address;
  const [epochId, solveIndex, prev] = await Promise.all([
    read<bigint>(miner, miningCall(sandbox, 'currentEpoch')),
    read<bigint>(miner, miningCall(sandbox, 'nextIndex', [address])),
    read<Hex>(miner, miningCall(sandbox, 'lastReceiptHash', [address])),
  ]);
  const message = makeReceipt(address, epochId, solveIndex, prev, label);
  return send(miner, submitReceiptCall(sandbox, message, await signReceipt(sandbox, message)));
}
