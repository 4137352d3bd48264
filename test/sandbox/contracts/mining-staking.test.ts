import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COOLDOWN_SECONDS, WAD, botcoinBalance, fundAndStake, miningCall, read, revertName, send, startSandbox, type Sandbox } from './fixture.js';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
});

afterAll(async () => {
  await sandbox?.anvil.stop();
});

describe('BotcoinMining staking', () => {
  it('lists the V3 tiers: 5M/10M/25M/50M/100M BOTCOIN → 100/205/520/1075/2200 credits', async () => {
    expect(await read<bigint>(sandbox.operator, miningCall(sandbox, 'tierCount'))).toBe(5n);
    const tiers = [];
    for (let i = 0n; i < 5n; i++) tiers.push(await read<readonly [bigint, bigint]>(sandbox.operator, miningCall(sandbox, 'getTier', [i])));
    expect(tiers).toEqual([
      [5_000_000n * WAD, 100n],
      [10_000_000n * WAD, 205n],
      [25_000_000n * WAD, 520n],
      [50_000_000n * WAD, 1075n],
      [100_000_000n * WAD, 2200n],
    ]);
    expect(await revertName(sandbox.operator, miningCall(sandbox, 'getTier', [5n]))).toBe('InvalidTier');
  });

  it('unstake starts the cooldown; withdraw before it ends reverts CooldownNotElapsed, after it pays the stake back', async () => {
    const miner = sandbox.wallet(2);
    const address = miner.walletClient.account.address;
    await fundAndStake(sandbox, miner, 25_000_000n);
    expect(await read<bigint>(miner, miningCall(sandbox, 'stakedAmount', [address]))).toBe(25_000_000n * WAD);
    expect(await botcoinBalance(sandbox, miner)).toBe(0n);

    const receipt = await send(miner, miningCall(sandbox, 'unstake'));
    const block = await miner.publicClient.getBlock({ blockNumber: receipt.blockNumber });
    expect(await read<bigint>(miner, miningCall(sandbox, 'withdrawableAt', [address]))).toBe(block.timestamp + COOLDOWN_SECONDS);
    expect(await read<boolean>(miner, miningCall(sandbox, 'isEligible', [address]))).toBe(false);
    expect(await revertName(miner, miningCall(sandbox, 'withdraw'))).toBe('CooldownNotElapsed');
    expect(await revertName(miner, miningCall(sandbox, 'unstake'))).toBe('UnstakePending');
    expect(await revertName(miner, miningCall(sandbox, 'stake', [1n]))).toBe('UnstakePending');

    await sandbox.testClient.increaseTime({ seconds: Number(COOLDOWN_SECONDS) });
    await sandbox.testClient.mine({ blocks: 1 });
    await send(miner, miningCall(sandbox, 'withdraw'));
    expect(await botcoinBalance(sandbox, miner)).toBe(25_000_000n * WAD);
    expect(await read<bigint>(miner, miningCall(sandbox, 'stakedAmount', [address]))).toBe(0n);
    expect(await read<bigint>(miner, miningCall(sandbox, 'withdrawableAt', [address]))).toBe(0n);
    expect(await revertName(miner, miningCall(sandbox, 'withdraw'))).toBe('NoUnstakePending');
    expect(await revertName(miner, miningCall(sandbox, 'unstake'))).toBe('NothingStaked');
  });

  it('cancelUnstake restores eligibility; cancelling without a pending unstake reverts NoUnstakePending', async () => {
    const miner = sandbox.wallet(3);
    const address = miner.walletClient.account.address;
    await fundAndStake(sandbox, miner, 5_000_000n);
    expect(await revertName(miner, miningCall(sandbox, 'cancelUnstake'))).toBe('NoUnstakePending');
    await send(miner, miningCall(sandbox, 'unstake'));
    expect(await read<boolean>(miner, miningCall(sandbox, 'isEligible', [address]))).toBe(false);
    await send(miner, miningCall(sandbox, 'cancelUnstake'));
    expect(await read<boolean>(miner, miningCall(sandbox, 'isEligible', [address]))).toBe(true);
    expect(await read<bigint>(miner, miningCall(sandbox, 'withdrawableAt', [address]))).toBe(0n);
  });
});
