import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEventLogs } from 'viem';
import { sandboxMiningAbi, testBotcoinAbi } from '../../../src/sandbox/contracts/index.js';
import type { LocalClients } from '../../../src/sandbox/chain/clients.js';
import {
  WAD,
  botcoinBalance,
  commitEpoch,
  endEpoch,
  fundAndStake,
  mineOneReceipt,
  miningCall,
  read,
  revertName,
  send,
  startSandbox,
  word,
  type Sandbox,
} from './fixture.js';

let sandbox: Sandbox;
let small: LocalClients; // 5M staked → 100 credits per receipt
let large: LocalClients; // 50M staked → 1075 credits per receipt
let epochId: bigint;
const reward = 1_000_000n * WAD + 7n; // odd on purpose: shares round down
const bonus = 30_000n * WAD;

beforeAll(async () => {
  sandbox = await startSandbox();
  small = sandbox.wallet(2);
  large = sandbox.wallet(3);
  await Promise.all([fundAndStake(sandbox, small, 5_000_000n), fundAndStake(sandbox, large, 50_000_000n)]);
  epochId = await read<bigint>(sandbox.operator, miningCall(sandbox, 'currentEpoch'));
  await commitEpoch(sandbox, sandbox.contracts.mining, sandboxMiningAbi, epochId, word('epoch secret'));
  await mineOneReceipt(sandbox, small, 's1');
  await mineOneReceipt(sandbox, small, 's2');
  await mineOneReceipt(sandbox, large, 'l1');
  // The operator needs BOTCOIN to fund rewards; funding pulls it with transferFrom.
  const operator = sandbox.operator.walletClient.account.address;
  const token = { address: sandbox.contracts.botcoin, abi: testBotcoinAbi };
  await send(sandbox.operator, { ...token, functionName: 'mint', args: [operator, reward + bonus] });
  await send(sandbox.operator, { ...token, functionName: 'approve', args: [sandbox.contracts.mining, reward + bonus] });
});

afterAll(async () => {
  await sandbox?.anvil.stop();
});

describe('BotcoinMining epochs and claims', () => {
  it('refuses to finalize or reveal a running epoch', async () => {
    expect(await read<bigint>(sandbox.operator, miningCall(sandbox, 'totalCredits', [epochId]))).toBe(2n * 100n + 1075n);
    expect(await revertName(sandbox.operator, miningCall(sandbox, 'finalizeEpoch', [epochId]))).toBe('EpochNotEnded');
    expect(await revertName(sandbox.operator, miningCall(sandbox, 'revealEpochSecret', [epochId, word('epoch secret')]))).toBe('EpochNotEnded');
    expect(await revertName(sandbox.operator, miningCall(sandbox, 'setEpochCommit', [epochId, word('another')]))).toBe('CommitAlreadySet');
  });

  it('refuses operator functions from other wallets', async () => {
    expect(await revertName(small, miningCall(sandbox, 'fundEpoch', [epochId, 1n]))).toBe('OwnableUnauthorizedAccount');
    expect(await revertName(small, miningCall(sandbox, 'setEpochCommit', [epochId + 5n, word('x')]))).toBe('OwnableUnauthorizedAccount');
  });

  it('after the epoch: reveal must match the commit; claims need funding, then finalization', async () => {
    await endEpoch(sandbox);
    expect(await revertName(sandbox.operator, miningCall(sandbox, 'revealEpochSecret', [epochId, word('wrong secret')]))).toBe('SecretMismatch');
    await send(sandbox.operator, miningCall(sandbox, 'revealEpochSecret', [epochId, word('epoch secret')]));
    expect(await read(sandbox.operator, miningCall(sandbox, 'epochSecret', [epochId]))).toBe(word('epoch secret'));

    expect(await revertName(small, miningCall(sandbox, 'claim', [[epochId]]))).toBe('EpochNotFunded');
    await send(sandbox.operator, miningCall(sandbox, 'fundEpoch', [epochId, reward]));
    expect(await read<bigint>(small, miningCall(sandbox, 'epochReward', [epochId]))).toBe(reward);
    expect(await revertName(small, miningCall(sandbox, 'claim', [[epochId]]))).toBe('EpochNotFinalized');
  });

  it('pays reward × credits / totalCredits to each miner, once', async () => {
    await send(sandbox.operator, miningCall(sandbox, 'fundBonus', [epochId, bonus]));
    await send(sandbox.operator, miningCall(sandbox, 'finalizeEpoch', [epochId]));
    expect(await read<boolean>(small, miningCall(sandbox, 'epochFinalized', [epochId]))).toBe(true);
    expect(await revertName(sandbox.operator, miningCall(sandbox, 'fundEpoch', [epochId, 1n]))).toBe('AlreadyFinalized');

    const total = 2n * 100n + 1075n;
    const receipt = await send(small, miningCall(sandbox, 'claim', [[epochId]]));
    await send(large, miningCall(sandbox, 'claim', [[epochId]]));
    expect(await botcoinBalance(sandbox, small)).toBe((reward * 200n) / total);
    expect(await botcoinBalance(sandbox, large)).toBe((reward * 1075n) / total);
    expect(await read<boolean>(small, miningCall(sandbox, 'claimed', [epochId, small.walletClient.account.address]))).toBe(true);
    const [event] = parseEventLogs({ abi: sandboxMiningAbi, logs: receipt.logs, eventName: 'Claimed' });
    expect(event?.args).toEqual({ miner: small.walletClient.account.address, epochId, amount: (reward * 200n) / total });

    expect(await revertName(small, miningCall(sandbox, 'claim', [[epochId]]))).toBe('AlreadyClaimed');
    expect(await revertName(sandbox.wallet(4), miningCall(sandbox, 'claim', [[epochId]]))).toBe('NoCredits');
  });

  it('pays the bonus separately with claimBonus; a non-bonus epoch reverts NotBonusEpoch', async () => {
    expect(await read<boolean>(small, miningCall(sandbox, 'isBonusEpoch', [epochId]))).toBe(true);
    const before = await botcoinBalance(sandbox, large);
    await send(large, miningCall(sandbox, 'claimBonus', [[epochId]]));
    expect((await botcoinBalance(sandbox, large)) - before).toBe((bonus * 1075n) / (2n * 100n + 1075n));
    expect(await revertName(large, miningCall(sandbox, 'claimBonus', [[epochId]]))).toBe('AlreadyClaimed');
    expect(await revertName(large, miningCall(sandbox, 'claimBonus', [[epochId + 1n]]))).toBe('NotBonusEpoch');
  });

  it('caps a claim at 64 epochs with TooManyEpochs', async () => {
    const epochs = Array.from({ length: 65 }, (_, i) => BigInt(i));
    expect(await revertName(small, miningCall(sandbox, 'claim', [epochs]))).toBe('TooManyEpochs');
    expect(await revertName(small, miningCall(sandbox, 'claim', [epochs.slice(0, 64)]))).not.toBe('TooManyEpochs');
  });
});
