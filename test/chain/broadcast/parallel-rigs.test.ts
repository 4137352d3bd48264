import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Address } from 'viem';
import { NonceAllocator, sendGuarded, waitForConfirmation, type ConfirmationResult, type SignedTransaction } from '../../../src/chain/broadcast/index.js';
import { guardTransaction, type GuardContext } from '../../../src/chain/guard/index.js';
import type { LocalClients } from '../../../src/sandbox/chain/clients.js';
import { sandboxRigMiningAbi } from '../../../src/sandbox/contracts/index.js';
import { commitEpoch, read, startSandbox, word, type Sandbox } from '../../sandbox/contracts/fixture.js';
import { contextFor, mintRig, nextRigReceipt, sentCount } from '../guard/fixture.js';

let sandbox: Sandbox;
let operator: LocalClients;
let operatorAddress: Address;
let context: GuardContext;
/** One allocator for the operator wallet, shared by every rig — as in the miner. */
const nonces = new NonceAllocator();

/** One rig's step: fetch its next receipt, guard it, sign and broadcast it, wait for the outcome. */
async function mineReceipt(rigId: bigint, label: string): Promise<{ signed: SignedTransaction; result: ConfirmationResult }> {
  const tx = await nextRigReceipt(sandbox, rigId, operatorAddress, label);
  const guarded = await guardTransaction(operator.publicClient, tx, { kind: 'receipt', lane: 'rig', rigId, operator: operatorAddress }, context);
  const signed = await sendGuarded(operator.walletClient, operator.publicClient, guarded, { nonces });
  const result = await waitForConfirmation(operator.publicClient, signed.hash, { timeoutMs: 20_000, from: signed.from, nonce: signed.nonce });
  return { signed, result };
}

function rigNextIndex(rigId: bigint): Promise<bigint> {
  return read<bigint>(sandbox.operator, { address: sandbox.contracts.rigMining, abi: sandboxRigMiningAbi, functionName: 'rigNextIndex', args: [rigId] });
}

function expectDistinctContiguous(nonces: number[], from: number): void {
  expect([...nonces].sort((a, b) => a - b)).toEqual(Array.from({ length: nonces.length }, (_, i) => from + i));
}

beforeAll(async () => {
  sandbox = await startSandbox();
  operator = sandbox.wallet(3);
  operatorAddress = operator.walletClient.account.address;
  context = contextFor(sandbox, operator);
  const epochId = await read<bigint>(sandbox.operator, { address: sandbox.contracts.rigMining, abi: sandboxRigMiningAbi, functionName: 'currentEpoch' });
  await commitEpoch(sandbox, sandbox.contracts.rigMining, sandboxRigMiningAbi, epochId, word('parallel secret'));
});

afterAll(async () => {
  await sandbox?.anvil.stop();
});

describe('one nonce sequence shared by all rigs of a wallet', () => {
  it('three rigs mining in parallel (serial within each rig) send ten receipts that all confirm with distinct nonces', async () => {
    const holder = sandbox.wallet(2);
    const rigs = [await mintRig(sandbox, holder, operatorAddress, 300n), await mintRig(sandbox, holder, operatorAddress, 300n), await mintRig(sandbox, holder, operatorAddress, 300n)];
    const plan = [4, 3, 3];
    const start = (await sentCount(operator)).pending;
    const perRig = await Promise.all(
      rigs.map(async (rigId, r) => {
        const steps: Array<{ signed: SignedTransaction; result: ConfirmationResult }> = [];
        for (let i = 0; i < plan[r]!; i++) steps.push(await mineReceipt(rigId, `rig ${r} solve ${i}`));
        return steps;
      }),
    );
    const all = perRig.flat();
    expect(all).toHaveLength(10);
    expect(all.map((s) => s.result.status)).toEqual(Array(10).fill('confirmed'));
    expectDistinctContiguous(all.map((s) => s.signed.nonce), start);
    expect(await Promise.all(rigs.map(rigNextIndex))).toEqual([4n, 3n, 3n]);
  });

  it('ten receipts for ten rigs sent at once all confirm with distinct nonces and their own RigCreditAccepted', async () => {
    const rigs: bigint[] = [];
    for (let i = 0; i < 10; i++) rigs.push(await mintRig(sandbox, operator, operatorAddress, 100n + BigInt(i)));
    const start = (await sentCount(operator)).pending;
    const steps = await Promise.all(rigs.map((rigId) => mineReceipt(rigId, `burst ${rigId}`)));
    expectDistinctContiguous(steps.map((s) => s.signed.nonce), start);
    steps.forEach(({ result }, i) => {
      expect(result.status).toBe('confirmed');
      if (result.status !== 'confirmed') return;
      expect(result.events).toContainEqual(
        expect.objectContaining({ name: 'RigCreditAccepted', args: expect.objectContaining({ rigId: rigs[i], operator: operatorAddress, creditsEarned: 100n + BigInt(i) }) }),
      );
    });
    expect(await sentCount(operator)).toEqual({ latest: start + 10, pending: start + 10 });
  });
});
