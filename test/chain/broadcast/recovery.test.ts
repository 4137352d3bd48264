import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeFunctionData, zeroHash, type Address, type Hex } from 'viem';
import {
  NonceAllocator,
  classifyRevert,
  rebroadcast,
  receiptStatus,
  signGuarded,
  waitForConfirmation,
} from '../../../src/chain/broadcast/index.js';
import { guardTransaction, type GuardContext, type GuardExpectation } from '../../../src/chain/guard/index.js';
import type { LocalClients } from '../../../src/sandbox/chain/clients.js';
import { sandboxMiningAbi } from '../../../src/sandbox/contracts/index.js';
import {
  makeReceipt,
  read,
  revertName,
  signReceipt,
  submitReceiptCall,
  type Sandbox,
} from '../../sandbox/contracts/fixture.js';
import { nextWalletReceipt, sentCount, startStakedWallet } from '../guard/fixture.js';

let sandbox: Sandbox;
let miner: LocalClients;
let minerAddress: Address;
let epochId: bigint;
let context: GuardContext;
let expectation: GuardExpectation;

function minerCredits(): Promise<bigint> {
  return read<bigint>(miner, { address: sandbox.contracts.mining, abi: sandboxMiningAbi, functionName: 'credits', args: [epochId, minerAddress] });
}

beforeAll(async () => {
  ({ sandbox, miner, minerAddress, context, expectation, epochId } = await startStakedWallet('recovery secret'));
});

afterAll(async () => {
  await sandbox?.anvil.stop();
});

describe('crash recovery: rebroadcast and receiptStatus', () => {
  it('re-broadcasts a receipt signed but never sent (a crash after the ledger write); it confirms exactly once', async () => {
    const { tx } = await nextWalletReceipt(sandbox, miner, 'crash');
    const guarded = await guardTransaction(miner.publicClient, tx, expectation, context);
    // The "crashed" process signed with its allocator; the restarted one only has the ledger's raw bytes.
    const signed = await signGuarded(miner.walletClient, miner.publicClient, guarded, { nonces: new NonceAllocator() });
    const before = await sentCount(miner);
    const creditsBefore = await minerCredits();
    expect(await receiptStatus(miner.publicClient, signed.hash)).toBe('unknown');

    await sandbox.testClient.setAutomine(false);
    try {
      expect(await rebroadcast(miner.publicClient, signed.raw)).toEqual({ hash: signed.hash, outcome: 'sent' });
      expect(await receiptStatus(miner.publicClient, signed.hash)).toBe('pending');
      expect(await rebroadcast(miner.publicClient, signed.raw)).toEqual({ hash: signed.hash, outcome: 'known' });
      await sandbox.testClient.mine({ blocks: 1 });
    } finally {
      await sandbox.testClient.setAutomine(true);
    }

    const result = await waitForConfirmation(miner.publicClient, signed.hash, { timeoutMs: 10_000 });
    expect(result.status).toBe('confirmed');
    expect(await rebroadcast(miner.publicClient, signed.raw)).toEqual({ hash: signed.hash, outcome: 'mined' });
    expect(await sentCount(miner)).toEqual({ latest: before.latest + 1, pending: before.pending + 1 });
    expect(await minerCredits()).toBe(creditsBefore + 205n);
    expect(await receiptStatus(miner.publicClient, signed.hash)).toBe('confirmed');
  });

  it('reports a signed transaction whose nonce another transaction took as nonce-used', async () => {
    const { tx } = await nextWalletReceipt(sandbox, miner, 'superseded');
    const guarded = await guardTransaction(miner.publicClient, tx, expectation, context);
    const signed = await signGuarded(miner.walletClient, miner.publicClient, guarded, { nonces: new NonceAllocator() });
    // Some other program sends from the wallet with that nonce before the ledger's copy goes out.
    const other = await miner.walletClient.sendTransaction({ to: minerAddress, value: 0n, nonce: signed.nonce });
    await miner.publicClient.waitForTransactionReceipt({ hash: other });
    expect(await rebroadcast(miner.publicClient, signed.raw)).toEqual({ hash: signed.hash, outcome: 'nonce-used' });
    expect(await receiptStatus(miner.publicClient, signed.hash)).toBe('unknown');
  });
});

describe('revert classification', () => {
  it('names the custom error of a receipt forced on chain without the guard (ChainMismatch)', async () => {
    const stale = makeReceipt(minerAddress, epochId, 0n, zeroHash, 'forced stale');
    const call = submitReceiptCall(sandbox, stale, await signReceipt(sandbox, stale));
    const data = encodeFunctionData({ abi: call.abi, functionName: call.functionName, args: call.args ?? [] });
    // An explicit gas limit skips estimation, which would refuse the doomed call.
    const hash = await miner.walletClient.sendTransaction({ to: sandbox.contracts.mining, data, gas: 500_000n });
    const result = await waitForConfirmation(miner.publicClient, hash, { timeoutMs: 10_000 });
    expect(result).toMatchObject({ status: 'reverted', hash, error: { name: 'ChainMismatch', args: [] } });
    expect(await receiptStatus(miner.publicClient, hash)).toBe('reverted');
  });

  it('names the error of a forged signature from a viem simulation error and from raw revert data', async () => {
    const next = await read<bigint>(miner, { address: sandbox.contracts.mining, abi: sandboxMiningAbi, functionName: 'nextIndex', args: [minerAddress] });
    const prev = await read<Hex>(miner, { address: sandbox.contracts.mining, abi: sandboxMiningAbi, functionName: 'lastReceiptHash', args: [minerAddress] });
    const forged = makeReceipt(minerAddress, epochId, next, prev, 'forged');
    const call = submitReceiptCall(sandbox, forged, await signReceipt(sandbox, forged, miner.walletClient.account));
    expect(await revertName(miner, call)).toBe('InvalidSignature'); // the contract tests' own reading
    const error = await miner.publicClient
      .simulateContract({ ...call, args: call.args ?? [], account: minerAddress })
      .then(() => undefined, (e: unknown) => e);
    expect(classifyRevert(error)).toMatchObject({ name: 'InvalidSignature', args: [] });
    const rawError = await miner.publicClient
      .call({ account: minerAddress, to: call.address, data: encodeFunctionData({ abi: call.abi, functionName: call.functionName, args: call.args ?? [] }) })
      .then(() => undefined, (e: unknown) => e);
    expect(classifyRevert(rawError)).toMatchObject({ name: 'InvalidSignature' });
    // Revert data with arguments (an OpenZeppelin ERC-20 error) decodes them too.
    const erc20 = encodeFunctionData({ abi: [{ type: 'function', name: 'ERC20InsufficientBalance', inputs: [{ type: 'address' }, { type: 'uint256' }, { type: 'uint256' }], outputs: [], stateMutability: 'nonpayable' }], args: [minerAddress, 1n, 2n] });
    expect(classifyRevert(erc20)).toEqual({ name: 'ERC20InsufficientBalance', args: [minerAddress, 1n, 2n], data: erc20 });
    expect(classifyRevert(new Error('socket hang up'))).toBeUndefined();
  });

});
