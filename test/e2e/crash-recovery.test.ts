// A miner killed with SIGKILL mid-receipt must lose no credit and duplicate none. The real CLI
// (`npm run build` first) runs as the child process; `BOTCOIN_CRASH_AT` (src/miner/crash-point.ts)
// makes it kill itself at a documented point, so the crash is deterministic.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Address } from 'viem';
import { openLedger, receiptStates, type ReceiptView } from '../../src/ledger/index.js';
import { sandboxMiningAbi, sandboxRigMiningAbi } from '../../src/sandbox/contracts/index.js';
import { runCli } from '../support/cli.js';
import { startMinerWorld, type MinerWorld } from '../miner/support/network.js';

let world: MinerWorld;

beforeAll(async () => {
  world = await startMinerWorld({ sandbox: { epochSeconds: 3600 } });
}, 60_000);

afterAll(async () => {
  await world?.stop();
});

async function receipts(address: Address): Promise<ReceiptView[]> {
  return [...receiptStates(await openLedger({ wallet: address, dir: world.dataDir }).read({ kind: 'receipt' })).values()];
}

async function sent(address: Address): Promise<{ latest: number; pending: number }> {
  const [latest, pending] = await Promise.all([
    world.chain.getTransactionCount({ address, blockTag: 'latest' }),
    world.chain.getTransactionCount({ address, blockTag: 'pending' }),
  ]);
  return { latest, pending };
}

describe('a miner killed with SIGKILL right after signing a receipt', () => {
  it('confirms the signed receipt exactly once on the next start, then mines on', async () => {
    const address = world.minerAddress;
    const before = await sent(address);
    const crashed = await runCli(['--json', 'mine', '--lane', 'wallet', '--count', '1'], { env: world.cliEnv('wallet', { BOTCOIN_CRASH_AT: 'after-signed' }) });
    expect(crashed.code).toBe(-1); // killed by a signal: no exit code
    const afterCrash = await receipts(address);
    expect(afterCrash).toHaveLength(1);
    const [signed] = afterCrash as [ReceiptView];
    expect(signed.state).toBe('signed');
    // Signed and on disk, but never broadcast: the node has not seen it.
    expect(await sent(address)).toEqual(before);

    const resumed = await runCli(['--json', 'mine', '--lane', 'wallet', '--count', '1'], { env: world.cliEnv('wallet') });
    expect(resumed.code, resumed.stderr).toBe(0);
    const summary = JSON.parse(resumed.stdout) as { recovery: { inFlight: number; settled: Array<{ receiptId: string; action: string; state: string; txHash: string }> }; confirmed: number };
    expect(summary.recovery.inFlight).toBe(1);
    expect(summary.recovery.settled).toEqual([{ receiptId: signed.receiptId, action: 'rebroadcast', state: 'confirmed', txHash: signed.txHash }]);
    expect(summary.confirmed).toBe(1);

    const all = await receipts(address);
    expect(all).toHaveLength(2);
    const recovered = all.find((r) => r.receiptId === signed.receiptId) as ReceiptView;
    // The very bytes signed before the crash landed (same hash), once: signed → broadcast → confirmed.
    expect(recovered.history.map((r) => r.state)).toEqual(['signed', 'broadcast', 'confirmed']);
    expect(recovered.txHash).toBe(signed.txHash);
    expect(all.map((r) => r.solveIndex).sort()).toEqual(['0', '1']);
    expect(all.every((r) => r.state === 'confirmed')).toBe(true);

    // No credit lost, none duplicated: the chain holds exactly the ledger's credits.
    const epoch = BigInt(recovered.epochId);
    const onChain = (await world.chain.readContract({ address: world.sandbox.contracts.mining, abi: sandboxMiningAbi, functionName: 'credits', args: [epoch, address] })) as bigint;
    expect(onChain).toBe(all.reduce((sum, r) => sum + BigInt(r.creditsEarned ?? '0'), 0n));
    expect(onChain).toBe(200n);
    const next = (await world.chain.readContract({ address: world.sandbox.contracts.mining, abi: sandboxMiningAbi, functionName: 'nextIndex', args: [address] })) as bigint;
    expect(next).toBe(2n);

    // Recovery has nothing left to do: a second run of it is a no-op.
    const again = await runCli(['--json', 'receipts', 'retry', '--lane', 'wallet'], { env: world.cliEnv('wallet') });
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({ inFlight: 0, settled: [], unsigned: [] });
  }, 120_000);

  it('on the rig lane, `receipts retry` finishes a pass that crashed before signing and one that crashed after', async () => {
    const address = world.operatorAddress;
    const [rigId] = world.rigIds as [string];
    const rigEnv = (extra: Record<string, string> = {}): Record<string, string> => world.cliEnv('rig', { BOTCOIN_RIGS: rigId, ...extra });

    // Crash between the coordinator's pass and signing: a pass with no receipt at all.
    const unsignedCrash = await runCli(['--json', 'mine', '--count', '1'], { env: rigEnv({ BOTCOIN_CRASH_AT: 'after-pass' }) });
    expect(unsignedCrash.code).toBe(-1);
    expect(await receipts(address)).toHaveLength(0);
    const retried = await runCli(['--json', 'receipts', 'retry'], { env: rigEnv() });
    expect(retried.code, retried.stderr).toBe(0);
    const report = JSON.parse(retried.stdout) as { inFlight: number; unsigned: Array<{ state: string; receiptId: string }> };
    expect(report.inFlight).toBe(0);
    expect(report.unsigned).toHaveLength(1);
    expect(report.unsigned[0]?.state).toBe('sent');

    // Crash right after signing the next one.
    const signedCrash = await runCli(['--json', 'mine', '--count', '1'], { env: rigEnv({ BOTCOIN_CRASH_AT: 'after-signed' }) });
    expect(signedCrash.code).toBe(-1);
    const retried2 = await runCli(['--json', 'receipts', 'retry'], { env: rigEnv() });
    expect(retried2.code, retried2.stderr).toBe(0);
    expect((JSON.parse(retried2.stdout) as { settled: Array<{ action: string; state: string }> }).settled).toMatchObject([{ action: 'rebroadcast', state: 'confirmed' }]);

    const all = await receipts(address);
    expect(all.map((r) => [r.rigId, r.solveIndex, r.state])).toEqual([
      [rigId, '0', 'confirmed'],
      [rigId, '1', 'confirmed'],
    ]);
    const epoch = BigInt((all[0] as ReceiptView).epochId);
    const onChain = (await world.chain.readContract({ address: world.sandbox.contracts.rigMining, abi: sandboxRigMiningAbi, functionName: 'rigCredits', args: [epoch, BigInt(rigId)] })) as bigint;
    expect(onChain).toBe(all.reduce((sum, r) => sum + BigInt(r.creditsEarned ?? '0'), 0n));
    const next = (await world.chain.readContract({ address: world.sandbox.contracts.rigMining, abi: sandboxRigMiningAbi, functionName: 'rigNextIndex', args: [BigInt(rigId)] })) as bigint;
    expect(next).toBe(2n);
  }, 120_000);
});
