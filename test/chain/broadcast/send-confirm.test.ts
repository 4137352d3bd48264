import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAddress, type Address } from 'viem';
import {
  NonceAllocator,
  receiptStatus,
  sendGuarded,
  signGuarded,
  waitForConfirmation,
  type SignedTransaction,
} from '../../../src/chain/broadcast/index.js';
import { guardTransaction, SimulationRevertedError, type GuardContext, type GuardExpectation } from '../../../src/chain/guard/index.js';
import type { LocalClients } from '../../../src/sandbox/chain/clients.js';
import { sandboxMiningAbi } from '../../../src/sandbox/contracts/index.js';
import { mineOneReceipt, read, type Sandbox } from '../../sandbox/contracts/fixture.js';
import { nextWalletReceipt, sentCount, startStakedWallet } from '../guard/fixture.js';

let sandbox: Sandbox;
let miner: LocalClients;
let minerAddress: Address;
let context: GuardContext;
let expectation: GuardExpectation;
const nonces = new NonceAllocator();

function credits(epochId: bigint): Promise<bigint> {
  return read<bigint>(miner, { address: sandbox.contracts.mining, abi: sandboxMiningAbi, functionName: 'credits', args: [epochId, minerAddress] });
}

beforeAll(async () => {
  ({ sandbox, miner, minerAddress, context, expectation } = await startStakedWallet('broadcast secret'));
});

afterAll(async () => {
  await sandbox?.anvil.stop();
});

describe('sendGuarded and waitForConfirmation', () => {
  it('signs a guarded receipt, hands the raw bytes over before broadcasting, and confirms its CreditAccepted', async () => {
    const { message, tx } = await nextWalletReceipt(sandbox, miner, 'confirmed');
    const guarded = await guardTransaction(miner.publicClient, tx, expectation, context);
    let seenBeforeBroadcast: { signed: SignedTransaction; status: string } | undefined;
    const signed = await sendGuarded(miner.walletClient, miner.publicClient, guarded, {
      nonces,
      beforeBroadcast: async (s) => {
        seenBeforeBroadcast = { signed: s, status: await receiptStatus(miner.publicClient, s.hash) };
      },
    });
    expect(seenBeforeBroadcast).toEqual({ signed, status: 'unknown' });

    const result = await waitForConfirmation(miner.publicClient, signed.hash, { timeoutMs: 10_000, from: signed.from, nonce: signed.nonce });
    expect(result.status).toBe('confirmed');
    if (result.status !== 'confirmed') return;
    expect(result.events).toContainEqual({
      name: 'CreditAccepted',
      address: sandbox.contracts.mining,
      args: expect.objectContaining({ epochId: message.epochId, miner: minerAddress, solveIndex: message.solveIndex, challengeId: message.challengeId, creditsEarned: 205n }),
    });
    const onChain = await miner.publicClient.getTransaction({ hash: signed.hash });
    expect({ type: onChain.type, nonce: onChain.nonce, from: getAddress(onChain.from), value: onChain.value }).toEqual({ type: 'eip1559', nonce: signed.nonce, from: minerAddress, value: 0n });
    expect(await receiptStatus(miner.publicClient, signed.hash)).toBe('confirmed');
    expect(await credits(message.epochId)).toBe(205n);
  });

  it('sends nothing and gives the nonce back when the ledger write before broadcasting fails', async () => {
    const before = await sentCount(miner);
    const { tx } = await nextWalletReceipt(sandbox, miner, 'ledger down');
    const guarded = await guardTransaction(miner.publicClient, tx, expectation, context);
    const failed = sendGuarded(miner.walletClient, miner.publicClient, guarded, {
      nonces,
      beforeBroadcast: () => {
        throw new Error('disk full');
      },
    });
    await expect(failed).rejects.toThrow('disk full');
    expect(await sentCount(miner)).toEqual(before);
    // The same nonce goes to the next transaction: no gap blocks the wallet.
    const signed = await sendGuarded(miner.walletClient, miner.publicClient, guarded, { nonces });
    expect(signed.nonce).toBe(before.pending);
    expect((await waitForConfirmation(miner.publicClient, signed.hash, { timeoutMs: 10_000 })).status).toBe('confirmed');
  });

  it('refuses to sign, and gives the nonce back, when the chain moved between the guard and signing', async () => {
    const { tx } = await nextWalletReceipt(sandbox, miner, 'raced');
    const guarded = await guardTransaction(miner.publicClient, tx, expectation, context);
    await mineOneReceipt(sandbox, miner, 'another process took this solve index');
    const before = await sentCount(miner);
    const error = await signGuarded(miner.walletClient, miner.publicClient, guarded, { nonces }).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(SimulationRevertedError);
    expect((error as SimulationRevertedError).revert.name).toBe('ChainMismatch');
    expect((error as SimulationRevertedError).exitCode).toBe(6);
    expect(await sentCount(miner)).toEqual(before);
    const { tx: fresh } = await nextWalletReceipt(sandbox, miner, 'fresh work');
    const signed = await sendGuarded(miner.walletClient, miner.publicClient, await guardTransaction(miner.publicClient, fresh, expectation, context), { nonces });
    expect(signed.nonce).toBe(before.pending);
  });

  it('reports a transaction the pool dropped as pending while its nonce is open, and dropped once another took the nonce', async () => {
    await sandbox.testClient.setAutomine(false);
    try {
      const { tx } = await nextWalletReceipt(sandbox, miner, 'dropped');
      const guarded = await guardTransaction(miner.publicClient, tx, expectation, context);
      const first = await sendGuarded(miner.walletClient, miner.publicClient, guarded, { nonces });
      expect(await receiptStatus(miner.publicClient, first.hash)).toBe('pending');
      await sandbox.testClient.dropTransaction({ hash: first.hash });
      expect(await receiptStatus(miner.publicClient, first.hash)).toBe('unknown');
      const open = await waitForConfirmation(miner.publicClient, first.hash, { timeoutMs: 600, from: first.from, nonce: first.nonce });
      expect(open).toEqual({ status: 'pending', hash: first.hash });

      // Another transaction (a zero-value self-send by some other program) takes the nonce.
      await miner.walletClient.sendTransaction({ to: minerAddress, value: 0n, nonce: first.nonce });
      await sandbox.testClient.mine({ blocks: 1 });
      const gone = await waitForConfirmation(miner.publicClient, first.hash, { timeoutMs: 600, from: first.from, nonce: first.nonce });
      expect(gone).toEqual({ status: 'dropped', hash: first.hash });
    } finally {
      await sandbox.testClient.setAutomine(true);
    }
  });
});
