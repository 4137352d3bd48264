// Spend and attempt caps stop mining with exit 7 before the next attempt; a dry run fetches,
// solves and checks but submits, signs and sends nothing. The real CLI against the sandbox.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLedger } from '../../src/ledger/index.js';
import { runCli } from '../support/cli.js';
import { nonces, startMinerWorld, type MinerWorld } from '../miner/support/network.js';

let world: MinerWorld;

beforeAll(async () => {
  world = await startMinerWorld({ sandbox: { epochSeconds: 3600 } });
}, 60_000);

afterAll(async () => {
  await world?.stop();
});

/** A data dir of its own, so each test's ledger (and so today's counts) starts empty. */
function freshData(): string {
  return mkdtempSync(join(tmpdir(), 'botcoin-caps-'));
}

describe('daily caps', () => {
  it('--max-attempts-per-day 1 stops with exit 7 after one attempt, naming the cap and its reset', async () => {
    const dataDir = freshData();
    const result = await runCli(['--json', 'mine', '--lane', 'wallet', '--count', '3', '--max-attempts-per-day', '1'], { env: world.cliEnv('wallet', { BOTCOIN_DATA_DIR: dataDir }) });
    expect(result.code, result.stderr).toBe(7);
    const { error } = JSON.parse(result.stdout) as { error: { code: string; message: string; hint: string } };
    expect(error.code).toBe('CAP_REACHED');
    expect(error.message).toContain('1 of 1 coordinator attempts used today');
    expect(error.hint).toMatch(/resets at \d{4}-\d{2}-\d{2}T00:00:00\.000Z/);
    const attempts = await openLedger({ wallet: world.minerAddress, dir: dataDir }).read({ kind: 'attempt' });
    expect(attempts).toHaveLength(1);

    // The cap is per UTC day across runs: the next run stops before any attempt.
    const again = await runCli(['--json', 'mine', '--lane', 'wallet', '--count', '1', '--max-attempts-per-day', '1'], { env: world.cliEnv('wallet', { BOTCOIN_DATA_DIR: dataDir }) });
    expect(again.code).toBe(7);
    expect(await openLedger({ wallet: world.minerAddress, dir: dataDir }).read({ kind: 'attempt' })).toHaveLength(1);
  }, 60_000);

  it('--max-cost-per-day counts recorded model spend', async () => {
    const dataDir = freshData();
    // Yesterday's spend does not count; today's does.
    const ledger = openLedger({ wallet: world.minerAddress, dir: dataDir });
    const call = { kind: 'model_call' as const, provider: 'openai', model: 'm', messages: [], response: '', usage: { promptTokens: 1, completionTokens: 1, totalTokens: 2 }, latencyMs: 1 };
    await ledger.append({ ...call, costUsd: 5, ts: new Date(Date.now() - 86_400_000).toISOString() });
    const under = await runCli(['--json', 'mine', '--lane', 'wallet', '--count', '1', '--max-cost-per-day', '1'], { env: world.cliEnv('wallet', { BOTCOIN_DATA_DIR: dataDir }) });
    expect(under.code, under.stderr).toBe(0);
    await ledger.append({ ...call, costUsd: 1.5 });
    const over = await runCli(['--json', 'mine', '--lane', 'wallet', '--count', '1', '--max-cost-per-day', '1'], { env: world.cliEnv('wallet', { BOTCOIN_DATA_DIR: dataDir }) });
    expect(over.code).toBe(7);
    expect((JSON.parse(over.stdout) as { error: { message: string } }).error.message).toMatch(/Daily cost cap reached: \$1\.5000 of \$1/);
  }, 60_000);
});

describe('--dry-run', () => {
  it('fetches, solves and checks on every rig, prints what it would submit, and sends nothing', async () => {
    const dataDir = freshData();
    const before = await nonces(world, world.operatorAddress);
    const result = await runCli(['--json', 'mine', '--lane', 'rig', '--count', '3', '--dry-run'], { env: world.cliEnv('rig', { BOTCOIN_DATA_DIR: dataDir }) });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('dry run: nothing will be submitted, signed or sent');
    const summary = JSON.parse(result.stdout) as { dryRun: boolean; attempts: number; results: Array<{ outcome: string; rigId: string; solution?: { artifact: string } }> };
    expect(summary.dryRun).toBe(true);
    expect(summary.attempts).toBe(0);
    expect(summary.results).toHaveLength(3);
    for (const r of summary.results) {
      expect(r.outcome).toBe('dry_run');
      expect(r.solution?.artifact.length).toBeGreaterThan(0);
    }
    expect(await nonces(world, world.operatorAddress)).toEqual(before);
    const ledger = openLedger({ wallet: world.operatorAddress, dir: dataDir });
    expect(await ledger.read({ kind: ['attempt', 'feedback', 'receipt'] })).toEqual([]);
    expect((await ledger.read({ kind: 'challenge' })).length).toBe(3);
  }, 60_000);
});
