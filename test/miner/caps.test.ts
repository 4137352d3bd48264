// Daily caps read today's attempts and spend from the ledger (UTC day), add what this process
// spends live, and name the cap and its reset when reached.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLedger, type Ledger } from '../../src/ledger/index.js';
import { CapGuard } from '../../src/miner/index.js';
import { MinerError } from '../../src/errors.js';

const WALLET = '0x00000000000000000000000000000000000000aa';

function ledger(): Ledger {
  return openLedger({ wallet: WALLET, dir: mkdtempSync(join(tmpdir(), 'botcoin-caps-unit-')) });
}

async function attempt(l: Ledger, ts: string): Promise<void> {
  await l.append({ kind: 'attempt', ts, challengeId: 'c', attempt: 1, artifact: 'a', reasoningTrace: [], submittedAnswers: {}, localCheck: { pass: true } });
}

async function spend(l: Ledger, ts: string, costUsd: number | null): Promise<void> {
  await l.append({ kind: 'model_call', ts, provider: 'openai', model: 'm', messages: [], response: '', usage: { promptTokens: 1, completionTokens: 1, totalTokens: 2 }, costUsd, latencyMs: 1 });
}

async function reached(guard: CapGuard): Promise<MinerError | undefined> {
  return guard.check().then(
    () => undefined,
    (e: unknown) => e as MinerError,
  );
}

describe('CapGuard', () => {
  it('counts only today\'s (UTC) attempts from the ledger plus live ones, and names the cap and reset', async () => {
    const l = ledger();
    await attempt(l, '2026-11-20T23:59:59.000Z');
    await attempt(l, '2026-11-21T00:00:01.000Z');
    const guard = new CapGuard(l, { maxAttemptsPerDay: 2 }, () => new Date('2026-11-21T10:00:00.000Z'));
    expect(await reached(guard)).toBeUndefined();
    guard.recordAttempt();
    const error = await reached(guard);
    expect(error?.code).toBe('CAP_REACHED');
    expect(error?.exitCode).toBe(7);
    expect(error?.shortMessage).toBe('Daily attempts cap reached: 2 of 2 coordinator attempts used today.');
    expect(error?.details).toBe('cap=attempts; resetsAt=2026-11-22T00:00:00.000Z');
    // A dry run spends no attempt, so only the spend cap applies to it.
    expect(await guard.check({ attempts: false })).toBeUndefined();
  });

  it('counts today\'s model spend (unpriced calls as 0) plus live spend against the cost cap', async () => {
    const l = ledger();
    await spend(l, '2026-11-21T01:00:00.000Z', 0.4);
    await spend(l, '2026-11-21T02:00:00.000Z', null);
    const guard = new CapGuard(l, { maxCostPerDay: 0.5 }, () => new Date('2026-11-21T10:00:00.000Z'));
    expect(await reached(guard)).toBeUndefined();
    guard.recordCost(0.1);
    expect((await reached(guard))?.shortMessage).toBe('Daily cost cap reached: $0.5000 of $0.5 model spend used today.');
  });

  it('starts the count again when the UTC day changes', async () => {
    const l = ledger();
    let now = new Date('2026-11-21T23:59:00.000Z');
    await attempt(l, now.toISOString());
    const guard = new CapGuard(l, { maxAttemptsPerDay: 1 }, () => now);
    expect((await reached(guard))?.code).toBe('CAP_REACHED');
    now = new Date('2026-11-22T00:00:30.000Z');
    expect(await reached(guard)).toBeUndefined();
  });

  it('does nothing without caps', async () => {
    const guard = new CapGuard(ledger(), {});
    expect(guard.enabled).toBe(false);
    expect(await reached(guard)).toBeUndefined();
  });
});
