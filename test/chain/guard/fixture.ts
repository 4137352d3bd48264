// Guard and broadcast tests: the contract tests' sandbox (real anvil, real contracts) plus what a
// miner holds — the allow-list for the sandbox chain and coordinator-style transactions.
import { encodeFunctionData, parseEventLogs, type Address, type Hex } from 'viem';
import { botcoinMiningAbi } from '../../../src/chain/abis/index.js';
import { builtInAddressBook } from '../../../src/chain/addresses/built-in.js';
import { allowListFor, type AllowList } from '../../../src/protocol/skill/allow-list.js';
import type { GuardContext, GuardExpectation, UntrustedTransaction } from '../../../src/chain/guard/index.js';
import type { LocalClients } from '../../../src/sandbox/chain/clients.js';
import { rigReceiptTypes, rigsDomain, sandboxMiningAbi, sandboxRigMiningAbi, sandboxRigNftAbi } from '../../../src/sandbox/contracts/index.js';
import {
  commitEpoch,
  fundAndStake,
  makeReceipt,
  makeRigReceipt,
  read,
  send,
  signReceipt,
  startSandbox,
  submitReceiptCall,
  word,
  type Call,
  type ReceiptMessage,
  type Sandbox,
} from '../../sandbox/contracts/fixture.js';

/** The sandbox's contract table under the names its skill file uses. */
export function sandboxAllowList(sandbox: Sandbox): AllowList {
  const { botcoin, mining, rigMining, rigNft } = sandbox.contracts;
  return allowListFor(sandbox.anvil.chainId, {
    builtIn: builtInAddressBook(sandbox.anvil.chainId),
    sandbox: {
      chainId: sandbox.anvil.chainId,
      contracts: [
        { name: 'BOTCOIN', address: botcoin },
        { name: 'BotcoinMining', address: mining },
        { name: 'BotcoinMiningRigs', address: rigMining },
        { name: 'MiningRigNFT', address: rigNft },
      ],
    },
  });
}

export function contextFor(sandbox: Sandbox, wallet: LocalClients): GuardContext {
  return { allowList: sandboxAllowList(sandbox), sender: wallet.walletClient.account.address };
}

/** A wallet-lane miner ready to submit receipts, and what the guard needs to check them. */
export interface StakedWallet {
  sandbox: Sandbox;
  miner: LocalClients;
  minerAddress: Address;
  context: GuardContext;
  expectation: GuardExpectation;
  /** The current epoch, committed on chain. */
  epochId: bigint;
}

/** A fresh sandbox whose wallet 2 is staked (205 credits per receipt) and whose current epoch is committed to `secret`. */
export async function startStakedWallet(secret: string): Promise<StakedWallet> {
  const sandbox = await startSandbox();
  const miner = sandbox.wallet(2);
  const minerAddress = miner.walletClient.account.address;
  await fundAndStake(sandbox, miner, 10_000_000n);
  const epochId = await read<bigint>(miner, { address: sandbox.contracts.mining, abi: sandboxMiningAbi, functionName: 'currentEpoch' });
  await commitEpoch(sandbox, sandbox.contracts.mining, sandboxMiningAbi, epochId, word(secret));
  return { sandbox, miner, minerAddress, context: contextFor(sandbox, miner), expectation: { kind: 'receipt', lane: 'wallet', miner: minerAddress }, epochId };
}

/** A transaction object as the coordinator's JSON carries it (value as a decimal string). */
export function coordinatorTransaction(call: Call, chainId: number): UntrustedTransaction {
  const data = encodeFunctionData({ abi: call.abi, functionName: call.functionName, args: call.args ?? [] });
  return { to: call.address, chainId, value: '0', data };
}

/** The wallet's next receipt in the running epoch, signed by the coordinator, as a coordinator transaction. */
export async function nextWalletReceipt(sandbox: Sandbox, miner: LocalClients, label: string): Promise<{ message: ReceiptMessage; tx: UntrustedTransaction }> {
  const address = miner.walletClient.account.address;
  const mining = (functionName: string, args: readonly unknown[] = []): Call => ({ address: sandbox.contracts.mining, abi: botcoinMiningAbi, functionName, args });
  const [epochId, solveIndex, prev] = await Promise.all([
    read<bigint>(miner, mining('currentEpoch')),
    read<bigint>(miner, mining('nextIndex', [address])),
    read<Hex>(miner, mining('lastReceiptHash', [address])),
  ]);
  const message = makeReceipt(address, epochId, solveIndex, prev, label);
  const signature = await signReceipt(sandbox, message);
  return { message, tx: coordinatorTransaction(submitReceiptCall(sandbox, message, signature), sandbox.anvil.chainId) };
}

/** Mints a rig to `holder` (with `credits` per solve) and delegates it to `operator`. */
export async function mintRig(sandbox: Sandbox, holder: LocalClients, operator: Address, credits: bigint): Promise<bigint> {
  const nft = (functionName: string, args: readonly unknown[]): Call => ({ address: sandbox.contracts.rigNft, abi: sandboxRigNftAbi, functionName, args });
  const receipt = await send(sandbox.operator, nft('mintRig', [holder.walletClient.account.address, credits]));
  const [minted] = parseEventLogs({ abi: sandboxRigNftAbi, logs: receipt.logs, eventName: 'RigMinted' });
  if (!minted) throw new Error('mintRig emitted no RigMinted event');
  const rigId = (minted.args as unknown as { rigId: bigint }).rigId;
  if (holder.walletClient.account.address !== operator) await send(holder, nft('setOperator', [rigId, operator]));
  return rigId;
}

/** The rig's next receipt (cursor read from chain) for `operator`, signed by the coordinator, as a coordinator transaction. */
export async function nextRigReceipt(sandbox: Sandbox, rigId: bigint, operator: Address, label: string): Promise<UntrustedTransaction> {
  const rigs = (functionName: string, args: readonly unknown[] = []): Call => ({ address: sandbox.contracts.rigMining, abi: sandboxRigMiningAbi, functionName, args });
  const [epochId, solveIndex, prevReceiptHash] = await Promise.all([
    read<bigint>(sandbox.operator, rigs('currentEpoch')),
    read<bigint>(sandbox.operator, rigs('rigNextIndex', [rigId])),
    read<Hex>(sandbox.operator, rigs('rigLastReceiptHash', [rigId])),
  ]);
  const message = makeRigReceipt(rigId, operator, epochId, solveIndex, prevReceiptHash, label);
  const domain = rigsDomain({ chainId: sandbox.anvil.chainId, verifyingContract: sandbox.contracts.rigMining });
  const signature = await sandbox.coordinator.signTypedData!({ domain, types: rigReceiptTypes, primaryType: 'RigReceipt', message: { ...message } });
  // The message's keys are in struct order, which is also submitRigReceipt's argument order.
  return coordinatorTransaction(rigs('submitRigReceipt', [...Object.values(message), signature]), sandbox.anvil.chainId);
}

/** Everything the node knows this wallet sent: mined and pooled. */
export async function sentCount(wallet: LocalClients): Promise<{ latest: number; pending: number }> {
  const address = wallet.walletClient.account.address;
  const [latest, pending] = await Promise.all([
    wallet.publicClient.getTransactionCount({ address, blockTag: 'latest' }),
    wallet.publicClient.getTransactionCount({ address, blockTag: 'pending' }),
  ]);
  return { latest, pending };
}
