import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeFunctionData, type Address } from 'viem';
import { botcoinMiningRigsAbi } from '../../../src/chain/abis/index.js';
import { guardTransaction, SimulationRevertedError, type GuardContext, type GuardExpectation, type UntrustedTransaction } from '../../../src/chain/guard/index.js';
import { MinerError } from '../../../src/errors.js';
import type { LocalClients } from '../../../src/sandbox/chain/clients.js';
import { sandboxRigMiningAbi } from '../../../src/sandbox/contracts/index.js';
import { commitEpoch, read, startSandbox, word, type Sandbox } from '../../sandbox/contracts/fixture.js';
import { contextFor, mintRig, nextRigReceipt, sentCount } from './fixture.js';

let sandbox: Sandbox;
let operator: LocalClients;
let operatorAddress: Address;
let stranger: LocalClients;
let rigId: bigint;
let strangersRig: bigint;
let context: GuardContext;
let expectation: GuardExpectation;

async function refused(tx: UntrustedTransaction, expected: GuardExpectation, ctx: GuardContext = context): Promise<MinerError> {
  const before = await sentCount(operator);
  const error = await guardTransaction(operator.publicClient, tx, expected, ctx).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MinerError);
  expect((error as MinerError).code).toBe('GUARD_REFUSED');
  expect((error as MinerError).exitCode).toBe(6);
  expect(await sentCount(operator)).toEqual(before);
  return error as MinerError;
}

beforeAll(async () => {
  sandbox = await startSandbox();
  const holder = sandbox.wallet(2);
  operator = sandbox.wallet(3);
  operatorAddress = operator.walletClient.account.address;
  stranger = sandbox.wallet(4);
  rigId = await mintRig(sandbox, holder, operatorAddress, 300n);
  strangersRig = await mintRig(sandbox, stranger, stranger.walletClient.account.address, 300n);
  context = contextFor(sandbox, operator);
  expectation = { kind: 'receipt', lane: 'rig', rigId, operator: operatorAddress };
  const epochId = await read<bigint>(sandbox.operator, { address: sandbox.contracts.rigMining, abi: sandboxRigMiningAbi, functionName: 'currentEpoch' });
  await commitEpoch(sandbox, sandbox.contracts.rigMining, sandboxRigMiningAbi, epochId, word('rig guard secret'));
});

afterAll(async () => {
  await sandbox?.anvil.stop();
});

describe('guardTransaction, rig-lane receipts', () => {
  it('passes the rig receipt of our rig and operator, read from the calldata', async () => {
    const tx = await nextRigReceipt(sandbox, rigId, operatorAddress, 'valid');
    const guarded = await guardTransaction(operator.publicClient, tx, expectation, context);
    expect(guarded).toMatchObject({ from: operatorAddress, to: sandbox.contracts.rigMining, functionName: 'submitRigReceipt', contractNames: ['BotcoinMiningRigs'] });
    expect(guarded.args).toMatchObject({ rigId, operator: operatorAddress, solveIndex: 0n });
  });

  it('refuses a receipt for another rig', async () => {
    const tx = await nextRigReceipt(sandbox, strangersRig, operatorAddress, 'other rig');
    const error = await refused(tx, expectation);
    expect(error.shortMessage).toContain(`receipt is for rig ${strangersRig}, not this rig (${rigId})`);
  });

  it('refuses a receipt naming another operator, and one our operator would not send itself', async () => {
    const strangerAddress = stranger.walletClient.account.address;
    const tx = await nextRigReceipt(sandbox, rigId, strangerAddress, 'other operator');
    const error = await refused(tx, expectation);
    expect(error.shortMessage).toContain(`names operator ${strangerAddress}, not this operator`);
    // Right rig and operator, but the stranger's wallet would send it.
    const ours = await nextRigReceipt(sandbox, rigId, operatorAddress, 'wrong sender');
    const sender = await refused(ours, expectation, contextFor(sandbox, stranger));
    expect(sender.shortMessage).toContain(`operator is ${operatorAddress}, but ${strangerAddress} would send it`);
  });

  it('refuses a rig receipt sent to the wallet-lane mining contract', async () => {
    const tx = await nextRigReceipt(sandbox, rigId, operatorAddress, 'wrong contract');
    const error = await refused({ ...tx, to: sandbox.contracts.mining }, expectation);
    expect(error.shortMessage).toContain('not the contract for a rig-lane receipt');
  });

  it('names the revert when an unauthorized operator would send it (NotAuthorized)', async () => {
    const strangerAddress = stranger.walletClient.account.address;
    const tx = await nextRigReceipt(sandbox, rigId, strangerAddress, 'unauthorized');
    const error = await refused(tx, { kind: 'receipt', lane: 'rig', rigId, operator: strangerAddress }, contextFor(sandbox, stranger));
    expect((error as SimulationRevertedError).revert.name).toBe('NotAuthorized');
  });

  it('refuses a decodable receipt when the coordinator\'s receipt object names another rig or operator', async () => {
    const tx = await nextRigReceipt(sandbox, rigId, operatorAddress, 'declared');
    const rig = await refused(tx, { ...expectation, declared: { rigId: strangersRig.toString(), operator: operatorAddress } } as GuardExpectation);
    expect(rig.shortMessage).toContain(`coordinator's receipt is for rig ${strangersRig}, not this rig (${rigId})`);
    const who = await refused(tx, { ...expectation, declared: { rigId: rigId.toString(), operator: stranger.walletClient.account.address } } as GuardExpectation);
    expect(who.shortMessage).toContain(`coordinator's receipt names operator ${stranger.walletClient.account.address}`);
    const agreeing = await guardTransaction(operator.publicClient, tx, { ...expectation, declared: { rigId: rigId.toString(), operator: operatorAddress } } as GuardExpectation, context);
    expect(agreeing.functionName).toBe('submitRigReceipt');
  });

  it('refuses a claim for another rig than the one asked for', async () => {
    const epochId = await read<bigint>(sandbox.operator, { address: sandbox.contracts.rigMining, abi: sandboxRigMiningAbi, functionName: 'currentEpoch' });
    const data = encodeFunctionData({ abi: botcoinMiningRigsAbi, functionName: 'claimRig', args: [strangersRig, [epochId]] });
    const error = await refused({ to: sandbox.contracts.rigMining, chainId: sandbox.anvil.chainId, value: '0', data }, { kind: 'claim', lane: 'rig', rigId });
    expect(error.shortMessage).toContain(`claim is for rig ${strangersRig}, not rig ${rigId}`);
  });
});
