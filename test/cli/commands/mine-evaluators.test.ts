// `mine --evaluators auto --evaluate-first` through the real CLI program (in-process) against a
// sandbox whose description lists its evaluators: the flags reach the engine, `auto` finds the
// sandbox's evaluator cards, the miner pays them from its own wallet, and the JSON lines carry
// the `evaluation` events.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxEvaluatorStarters } from '../../../src/market/evaluator/sandbox.js';
import type { MinerEvent } from '../../../src/miner/index.js';
import { startSandbox, type SandboxHandle } from '../../../src/sandbox/network/index.js';
import { unregisterSecret } from '../../../src/safety/secrets.js';
import { runCli } from './capture-cli.js';

let sandbox: SandboxHandle;
const saved = { data: process.env.BOTCOIN_DATA_DIR, config: process.env.BOTCOIN_CONFIG_DIR };

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'botcoin-mine-evaluators-'));
  process.env.BOTCOIN_DATA_DIR = dataDir;
  process.env.BOTCOIN_CONFIG_DIR = join(dataDir, 'config');
  sandbox = await startSandbox({
    dataDir,
    epochSeconds: 3600,
    evaluators: sandboxEvaluatorStarters(),
    coordinator: { rigProcessing: { delayMs: 10, retryAfterSeconds: 0 }, operator: { intervalMs: 100 } },
  });
}, 120_000);

afterAll(async () => {
  await sandbox?.stop();
  unregisterSecret(sandbox.description.accounts.miner.privateKey);
  for (const [key, value] of [['BOTCOIN_DATA_DIR', saved.data], ['BOTCOIN_CONFIG_DIR', saved.config]] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

const lines = (stdout: string): Array<Record<string, unknown>> =>
  stdout
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('mine --evaluators', () => {
  it('refuses --evaluate-first without --evaluators (exit 2)', async () => {
    const result = await runCli(['--sandbox', 'mine', '--lane', 'wallet', '--model', 'answer-key', '--evaluate-first', '--jsonl']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('--evaluate-first needs --evaluators');
  });

  it('auto: buys feedback from the sandbox\'s evaluators before the first attempt and still mines', async () => {
    const result = await runCli(['--sandbox', 'mine', '--lane', 'wallet', '--model', 'answer-key', '--count', '1', '--jsonl', '--evaluators', 'auto', '--evaluate-first', '--max-evaluation-price', '0.001']);
    expect(result.exitCode).toBe(0);
    const events = lines(result.stdout);
    const evaluations = events.filter((e): e is Extract<MinerEvent, { type: 'evaluation' }> & Record<string, unknown> => e.type === 'evaluation');
    const bought = evaluations.filter((e) => e.phase === 'feedback' && e.paid);
    expect(bought.map((e) => e.evaluator.split('@')[0]).sort()).toEqual(['arithmetic-auditor', 'citation-auditor', 'constraint-auditor']);
    expect(bought.every((e) => /^0x[0-9a-f]{64}$/.test(String(e.txHash)) && e.priceUsd === '0.001' && e.attempt === 1)).toBe(true);
    // The replay's first attempt is right: every auditor said pass, and the outcome agreed.
    const outcomes = evaluations.filter((e) => e.phase === 'outcome');
    expect(outcomes).toHaveLength(3);
    expect(outcomes.every((e) => e.coordinatorVerdict === 'pass' && e.nextAttemptPassed === true)).toBe(true);
    expect(events.at(-1)).toMatchObject({ type: 'summary', confirmed: 1 });
  });

  it('a price cap below every card\'s price consults no one and mines anyway', async () => {
    const result = await runCli(['--sandbox', 'mine', '--lane', 'wallet', '--model', 'answer-key', '--count', '1', '--jsonl', '--evaluators', 'auto', '--evaluate-first', '--max-evaluation-price', '0.0005']);
    expect(result.exitCode).toBe(0);
    const events = lines(result.stdout);
    expect(events.filter((e) => e.type === 'evaluation')).toHaveLength(0);
    expect(events.at(-1)).toMatchObject({ type: 'summary', confirmed: 1 });
  });
});
