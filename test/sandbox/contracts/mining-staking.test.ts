import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxMiningAbi, testBotcoinAbi } from '../../../src/sandbox/contracts/index.js';
import { COOLDOWN_SECONDS, WAD, fundAndStake, read, revertName, send, startSandbox, type Sandbox } from './fixture.js';
import type { LocalClients } from '../../../src/sandbox/chain/clients.js';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
});

afterAll(async () => {
  await sandbox?.anvil.stop();
});

function mining(functionName: string, args: readonly unknown[] = []) {
  return { address: sandbox.contracts.mining, abi: sandboxMiningAbi, functionName, args };
}

async function balanceOf(clients: LocalClients): Promise<bigint> {
  return read<bigint>(clients, {
    address: sandbox.contracts.botcoin,
    abi: testBotcoinAbi,
    functionName: 'balanceOf',
    args: [clients.walletClient.account.address],
  });
}

describe('BotcoinMining staking', () => {
  it('lists the V3 tiers: 5M/10M/25M/50M/100M BOTCOIN → 100/205/520/1075/2200 credits', async () => {
    expect(await read<bigint>(sandbox.operator, mining('tierCount'))).toBe(5n);
    const tiers = [];
    for (let i = 0n; i < 5n; i++) tiers.push(await read<readonly [bigint, bigint]>(sandbox.operator, mining('getTier', [i])));
    expect(tiers).toEqual([
      [5_000_000n * WAD, 100n],
      [10_000_000n * WAD, 205n],
      [25_000_000n * WAD, 520n],
      [50_000_000n * WAD, 1075n],
      [100_000_000n * WAD, 2200n],
    ]);
    expect(await revertName(sandbox.operator, mining('getTier', [5n]))).toBe('InvalidTier');
  });

  it('unstake starts the cooldown; withdraw before it ends reverts CooldownNotElapsed, after it pays the stake back', async () => {
    const miner = sandbox.wallet(2);
    const address = miner.walletClient.account.address;
    await fundAndStake(sandbox, miner, 25_000_000n);
    expect(await read<bigint>(miner, mining('stakedAmount', [address]))).toBe(25_000_000n * WAD);
    expect(await balanceOf(miner)).toBe(0n);

    const receipt = await send(miner, mining('unstake'));
    const block = await miner.publicClient.getBlock({ blockNumber: receipt.blockNumber });
    expect(await read<bigint>(miner, mining('withdrawableAt', [address]))).toBe(block.timestamp + COOLDOWN_SECONDS);
    expect(await read<boolean>(miner, mining('isEligible', [address]))).toBe(false);
    expect(await revertName(miner, mining('withdraw'))).toBe('CooldownNotElapsed');
    expect(await revertName(miner, mining('unstake'))).toBe('UnstakePending');
    expect(await revertName(miner, mining('stake', [1n]))).toBe('UnstakePending');

    await sandbox.testClient.increaseTime({ seconds: Number(COOLDOWN_SECONDS) });
    await sandbox.testClient.mine({ blocks: 1 });
    await send(miner, mining('withdraw'));
    expect(await balanceOf(miner)).toBe(25_000_000n * WAD);
    expect(await read<bigint>(miner, mining('stakedAmount', [address]))).toBe(0n);
    expect(await read<bigint>(miner, mining('withdrawableAt', [address]))).toBe(0n);
    expect(await revertName(miner, mining('withdraw'))).toBe('NoUnstakePending');
    expect(await revertName(miner, mining('unstake'))).toBe('NothingStaked');
  });

  it('cancelUnstake restores eligibility; cancelling without a pending unstake reverts NoUnstakePending', async () => {
    const miner = sandbox.wallet(3);
    const address = miner.walletClient.account.address;
    await fundAndStake(sandbox, miner, 5_000_000n);
    expect(await revertName(miner, mining('cancelUnstake'))).toBe('NoUnstakePending');
    await send(miner, mining('unstake'));
    expect(await read<boolean>(miner, mining('isEligible', [address]))).toBe(false);
    await send(miner, mining('cancelUnstake'));
    expect(await read<boolean>(miner, mining('isEligible', [address]))).toBe(true);
    expect(await read<bigint>(miner, mining('withdrawableAt', [address]))).toBe(0n);
  });
});
