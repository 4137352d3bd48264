import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeFunctionData, type Address } from 'viem';
import { botcoinMiningAbi } from '../../../src/chain/abis/index.js';
import { NonceAllocator, sendGuarded, waitForConfirmation } from '../../../src/chain/broadcast/index.js';
import { guardTransaction } from '../../../src/chain/guard/index.js';
import type { LocalClients } from '../../../src/sandbox/chain/clients.js';
import { sandboxMiningAbi, testBotcoinAbi } from '../../../src/sandbox/contracts/index.js';
import { WAD, commitEpoch, endEpoch, fundAndStake, mineOneReceipt, miningCall, read, send, startSandbox, word, type Sandbox } from '../../sandbox/contracts/fixture.js';
import { contextFor } from '../guard/fixture.js';

let sandbox: Sandbox;
let miner: LocalClients;
let minerAddress: Address;
let epochId: bigint;
const reward = 50_000n * WAD;

beforeAll(async () => {
  sandbox = await startSandbox();
  miner = sandbox.wallet(2);
  minerAddress = miner.walletClient.account.address;
  await fundAndStake(sandbox, miner, 5_000_000n);
  epochId = await read<bigint>(miner, miningCall(sandbox, 'currentEpoch'));
  await commitEpoch(sandbox, sandbox.contracts.mining, sandboxMiningAbi, epochId, word('claim secret'));
  await mineOneReceipt(sandbox, miner, 'the only solve');
  const token = { address: sandbox.contracts.botcoin, abi: testBotcoinAbi };
  await send(sandbox.operator, { ...token, functionName: 'mint', args: [sandbox.operator.walletClient.account.address, reward] });
  await send(sandbox.operator, { ...token, functionName: 'approve', args: [sandbox.contracts.mining, reward] });
  await endEpoch(sandbox);
  await send(sandbox.operator, miningCall(sandbox, 'fundEpoch', [epochId, reward]));
  await send(sandbox.operator, miningCall(sandbox, 'finalizeEpoch', [epochId]));
});

afterAll(async () => {
  await sandbox?.anvil.stop();
});

describe('a guarded claim', () => {
  it('confirms and reports the payout as the token Transfer from the mining contract', async () => {
    const data = encodeFunctionData({ abi: botcoinMiningAbi, functionName: 'claim', args: [[epochId]] });
    const tx = { to: sandbox.contracts.mining, chainId: sandbox.anvil.chainId, value: '0', data };
    const guarded = await guardTransaction(miner.publicClient, tx, { kind: 'claim', lane: 'wallet', epochs: [epochId] }, contextFor(sandbox, miner));
    expect(guarded.args).toEqual({ epochIds: [epochId] });
    const signed = await sendGuarded(miner.walletClient, miner.publicClient, guarded, { nonces: new NonceAllocator() });
    const result = await waitForConfirmation(miner.publicClient, signed.hash, { timeoutMs: 10_000 });
    expect(result.status).toBe('confirmed');
    if (result.status !== 'confirmed') return;
    // The sole miner of the epoch is paid the whole reward.
    expect(result.events).toContainEqual({ name: 'Transfer', address: sandbox.contracts.botcoin, args: { from: sandbox.contracts.mining, to: minerAddress, value: reward } });
  });
});
