import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeFunctionData, zeroHash, type Address } from 'viem';
import { botcoinMiningAbi, botcoinTokenAbi } from '../../../src/chain/abis/index.js';
import { builtInAddressBook } from '../../../src/chain/addresses/built-in.js';
import { NonceAllocator, sendGuarded } from '../../../src/chain/broadcast/index.js';
import {
  guardTransaction,
  SimulationRevertedError,
  type GuardContext,
  type GuardExpectation,
  type UntrustedTransaction,
} from '../../../src/chain/guard/index.js';
import { MinerError } from '../../../src/errors.js';
import { allowListFor } from '../../../src/protocol/skill/allow-list.js';
import { createLocalPublicClient, type LocalClients } from '../../../src/sandbox/chain/clients.js';
import { findFreePort } from '../../../src/sandbox/chain/free-port.js';
import { sandboxMiningAbi } from '../../../src/sandbox/contracts/index.js';
import {
  WAD,
  makeReceipt,
  mineOneReceipt,
  read,
  signReceipt,
  submitReceiptCall,
  type Sandbox,
} from '../../sandbox/contracts/fixture.js';
import { coordinatorTransaction, nextWalletReceipt, sentCount, startStakedWallet } from './fixture.js';

let sandbox: Sandbox;
let miner: LocalClients;
let minerAddress: Address;
let attacker: Address;
let context: GuardContext;
let receiptExpectation: GuardExpectation;
const nonces = new NonceAllocator();

/** The miner's whole path for one coordinator transaction: guard, then sign and broadcast. */
async function guardAndSend(tx: UntrustedTransaction, expectation: GuardExpectation, ctx: GuardContext = context): Promise<void> {
  const guarded = await guardTransaction(miner.publicClient, tx, expectation, ctx);
  await sendGuarded(miner.walletClient, miner.publicClient, guarded, { nonces });
}

/** Runs the whole path and returns the refusal, after checking the wallet sent nothing. */
async function refusedBeforeSigning(tx: UntrustedTransaction, expectation: GuardExpectation, ctx?: GuardContext): Promise<MinerError> {
  const before = await sentCount(miner);
  const error = await guardAndSend(tx, expectation, ctx).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MinerError);
  const refusal = error as MinerError;
  expect(refusal.code).toBe('GUARD_REFUSED');
  expect(refusal.exitCode).toBe(6);
  expect(await sentCount(miner)).toEqual(before);
  return refusal;
}

function tokenCall(functionName: string, args: readonly unknown[]): UntrustedTransaction {
  return { to: sandbox.contracts.botcoin, chainId: sandbox.anvil.chainId, value: '0', data: encodeFunctionData({ abi: botcoinTokenAbi, functionName, args }) };
}

function miningCall(functionName: string, args: readonly unknown[]): UntrustedTransaction {
  return coordinatorTransaction({ address: sandbox.contracts.mining, abi: botcoinMiningAbi, functionName, args }, sandbox.anvil.chainId);
}

beforeAll(async () => {
  ({ sandbox, miner, minerAddress, context, expectation: receiptExpectation } = await startStakedWallet('guard secret'));
  attacker = sandbox.wallet(6).walletClient.account.address;
});

afterAll(async () => {
  await sandbox?.anvil.stop();
});

describe('guardTransaction, wallet-lane receipts', () => {
  it('passes a coordinator-signed receipt for this wallet and reports the decoded call', async () => {
    const { message, tx } = await nextWalletReceipt(sandbox, miner, 'valid');
    const guarded = await guardTransaction(miner.publicClient, tx, receiptExpectation, context);
    expect(guarded).toMatchObject({
      from: minerAddress,
      to: sandbox.contracts.mining,
      chainId: sandbox.anvil.chainId,
      value: 0n,
      functionName: 'submitReceipt',
      contractNames: ['BotcoinMining'],
    });
    expect(guarded.args).toMatchObject({ epochId: message.epochId, solveIndex: message.solveIndex, challengeId: message.challengeId });
  });

  it('refuses a transaction to an address that is not allow-listed', async () => {
    const { tx } = await nextWalletReceipt(sandbox, miner, 'elsewhere');
    const error = await refusedBeforeSigning({ ...tx, to: attacker }, receiptExpectation);
    expect(error.shortMessage).toContain(`${attacker} is not an allow-listed contract on chain ${sandbox.anvil.chainId}`);
  });

  it('refuses a receipt sent to an allow-listed contract that is not the wallet-lane mining contract', async () => {
    const { tx } = await nextWalletReceipt(sandbox, miner, 'wrong contract');
    const error = await refusedBeforeSigning({ ...tx, to: sandbox.contracts.rigMining }, receiptExpectation);
    expect(error.shortMessage).toMatch(/is sent to BotcoinMiningRigs .* not the contract for a wallet-lane receipt/);
  });

  it('refuses a non-zero value', async () => {
    const { tx } = await nextWalletReceipt(sandbox, miner, 'value');
    const error = await refusedBeforeSigning({ ...tx, value: '1' }, receiptExpectation);
    expect(error.shortMessage).toContain('sends 1 wei');
  });

  it('refuses an ERC-20 transfer to the allow-listed token itself', async () => {
    const error = await refusedBeforeSigning(tokenCall('transfer', [attacker, 1_000_000n * WAD]), receiptExpectation);
    expect(error.shortMessage).toContain('calls transfer(address,uint256), which is not a wallet-lane receipt');
    const pulled = await refusedBeforeSigning(tokenCall('transferFrom', [minerAddress, attacker, 1n]), receiptExpectation);
    expect(pulled.shortMessage).toContain('transferFrom(address,address,uint256)');
  });

  it('refuses a transaction for another chain id, checked against the node rather than the transaction', async () => {
    const { tx } = await nextWalletReceipt(sandbox, miner, 'chain');
    const error = await refusedBeforeSigning({ ...tx, chainId: 8453 }, receiptExpectation);
    expect(error.shortMessage).toContain(`for chain 8453, but the RPC node is on chain ${sandbox.anvil.chainId}`);
    // An allow-list built for Base mainnet does not apply to the sandbox chain either.
    const mainnetList = { ...context, allowList: allowListFor(8453, { builtIn: builtInAddressBook(8453) }) };
    const listError = await refusedBeforeSigning(tx, receiptExpectation, mainnetList);
    expect(listError.shortMessage).toContain('allow-list is for chain 8453');
    // Transaction and allow-list agreeing on 8453 prove nothing: the node decides.
    const agreeing = { ...context, allowList: { ...context.allowList, chainId: 8453 } };
    const nodeError = await refusedBeforeSigning({ ...tx, chainId: 8453 }, receiptExpectation, agreeing);
    expect(nodeError.shortMessage).toContain(`the RPC node is on chain ${sandbox.anvil.chainId}`);
  });

  it('refuses an unknown selector and calldata with bytes beyond the canonical encoding', async () => {
    const unknown = await refusedBeforeSigning({ to: sandbox.contracts.mining, chainId: sandbox.anvil.chainId, value: '0', data: `0xdeadbeef${'00'.repeat(32)}` }, receiptExpectation);
    expect(unknown.shortMessage).toContain('selector 0xdeadbeef is not a function of any known contract');
    const { tx } = await nextWalletReceipt(sandbox, miner, 'padded');
    const padded = await refusedBeforeSigning({ ...tx, data: `${tx.data as string}${'ab'.repeat(32)}` }, receiptExpectation);
    expect(padded.shortMessage).toContain('not the canonical encoding');
  });

  it('reports an unreachable node as CHAIN_UNAVAILABLE, not as a refusal', async () => {
    const { tx } = await nextWalletReceipt(sandbox, miner, 'offline');
    const offline = createLocalPublicClient(`http://127.0.0.1:${await findFreePort()}`, sandbox.anvil.chainId);
    const error = await guardTransaction(offline, tx, receiptExpectation, context).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(MinerError);
    expect((error as MinerError).code).toBe('CHAIN_UNAVAILABLE');
  });

  it('refuses a receipt signed for another miner (the simulation names InvalidSignature)', async () => {
    const other = sandbox.wallet(5).walletClient.account.address;
    const { message } = await nextWalletReceipt(sandbox, miner, 'stolen');
    const forOther = { ...message, miner: other };
    const tx = coordinatorTransaction(submitReceiptCall(sandbox, forOther, await signReceipt(sandbox, forOther)), sandbox.anvil.chainId);
    const error = await refusedBeforeSigning(tx, receiptExpectation);
    expect(error).toBeInstanceOf(SimulationRevertedError);
    expect((error as SimulationRevertedError).revert.name).toBe('InvalidSignature');
  });

  it('refuses when the expected miner is not the sending wallet (the contract credits the sender)', async () => {
    const { tx } = await nextWalletReceipt(sandbox, miner, 'other sender');
    const error = await refusedBeforeSigning(tx, { kind: 'receipt', lane: 'wallet', miner: attacker });
    expect(error.shortMessage).toContain(`receipt is for miner ${attacker}, but ${minerAddress} would send it`);
  });

  it('refuses a receipt for another epoch before simulating', async () => {
    const { message } = await nextWalletReceipt(sandbox, miner, 'next epoch');
    const later = { ...message, epochId: message.epochId + 1n };
    const tx = coordinatorTransaction(submitReceiptCall(sandbox, later, await signReceipt(sandbox, later)), sandbox.anvil.chainId);
    const error = await refusedBeforeSigning(tx, receiptExpectation);
    expect(error).not.toBeInstanceOf(SimulationRevertedError);
    expect(error.shortMessage).toContain(`epoch ${later.epochId}, but the contract's current epoch is ${message.epochId}`);
  });

  it('refuses a receipt behind the chain cursor: the simulation reverts with ChainMismatch', async () => {
    const { message: first } = await nextWalletReceipt(sandbox, miner, 'stale');
    await mineOneReceipt(sandbox, miner, 'moves the cursor');
    const stale = makeReceipt(minerAddress, first.epochId, 0n, zeroHash, 'stale again');
    const tx = coordinatorTransaction(submitReceiptCall(sandbox, stale, await signReceipt(sandbox, stale)), sandbox.anvil.chainId);
    const error = await refusedBeforeSigning(tx, receiptExpectation);
    expect(error).toBeInstanceOf(SimulationRevertedError);
    expect((error as SimulationRevertedError).revert.name).toBe('ChainMismatch');
    expect(error.shortMessage).toContain('the simulation reverts with ChainMismatch');
  });
});

describe('guardTransaction, staking and claims', () => {
  it('passes an approve of the mining contract the user asked for, and refuses any other spender', async () => {
    const amount = 5n * WAD;
    const approve: GuardExpectation = { kind: 'approve', userRequested: true, amount };
    const guarded = await guardTransaction(miner.publicClient, tokenCall('approve', [sandbox.contracts.mining, amount]), approve, context);
    expect(guarded.args).toEqual({ spender: sandbox.contracts.mining, value: amount });
    const error = await refusedBeforeSigning(tokenCall('approve', [attacker, amount]), approve);
    expect(error.shortMessage).toContain(`spender ${attacker} is not a mining contract`);
    const rigs = await refusedBeforeSigning(tokenCall('approve', [sandbox.contracts.rigMining, amount]), approve);
    expect(rigs.shortMessage).toContain('is not a mining contract');
  });

  it('refuses an approve sent anywhere but the token, and amounts the user did not ask for', async () => {
    const amount = 5n * WAD;
    const data = encodeFunctionData({ abi: botcoinTokenAbi, functionName: 'approve', args: [sandbox.contracts.mining, amount] });
    const wrongTarget = await refusedBeforeSigning({ to: sandbox.contracts.mining, chainId: sandbox.anvil.chainId, value: 0, data }, { kind: 'approve', userRequested: true });
    expect(wrongTarget.shortMessage).toContain('not the contract for a token approval');
    const more = await refusedBeforeSigning(tokenCall('approve', [sandbox.contracts.mining, amount * 2n]), { kind: 'approve', userRequested: true, amount });
    expect(more.shortMessage).toContain(`${amount} was requested`);
    const stake = await refusedBeforeSigning(miningCall('stake', [amount * 2n]), { kind: 'stake', userRequested: true, amount });
    expect(stake.shortMessage).toContain(`${amount} was requested`);
  });

  it('refuses staking calls the user did not request, and calls another flow expects', async () => {
    const forced = { kind: 'unstake', userRequested: false } as unknown as GuardExpectation;
    const error = await refusedBeforeSigning(miningCall('unstake', []), forced);
    expect(error.shortMessage).toContain('only sent when the user asks');
    const unstakeAsClaim = await refusedBeforeSigning(miningCall('unstake', []), { kind: 'claim', lane: 'wallet' });
    expect(unstakeAsClaim.shortMessage).toContain('calls unstake(), which is not a wallet-lane claim');
  });

  it('refuses a claim for other epochs than requested, and names the revert of an unclaimable epoch', async () => {
    const epochId = await read<bigint>(miner, { address: sandbox.contracts.mining, abi: sandboxMiningAbi, functionName: 'currentEpoch' });
    const others = await refusedBeforeSigning(miningCall('claim', [[epochId, epochId + 7n]]), { kind: 'claim', lane: 'wallet', epochs: [epochId] });
    expect(others.shortMessage).toContain(`not the requested [${epochId}]`);
    // Nobody funded the running epoch: the simulation says so by name.
    const running = await refusedBeforeSigning(miningCall('claim', [[epochId]]), { kind: 'claim', lane: 'wallet', epochs: [epochId] });
    expect((running as SimulationRevertedError).revert.name).toBe('EpochNotFunded');
  });
});
