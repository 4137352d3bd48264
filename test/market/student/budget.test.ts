import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MinerError } from '../../../src/errors.js';
import { openBudget, reserve, spending } from '../../../src/market/student/budget.js';

const WALLET = '0x976EA74026E726554dB657fA54763abd0C3a0aa9';
const budgetIn = (dir: string) => openBudget({ wallet: WALLET, dir, limits: { perEvaluation: '0.002', perChallenge: '0.003', perDay: '0.004' } });

describe('paid-feedback budget', () => {
  it('counts per challenge and per UTC day, and starts a new day at midnight UTC', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'botcoin-budget-'));
    const budget = budgetIn(dir);
    const day1 = new Date('2026-11-21T23:59:00Z');
    await reserve(budget, 'c1', 2000n, day1);
    await reserve(budget, 'c2', 2000n, day1);
    const refused = await reserve(budget, 'c3', 1000n, day1).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(MinerError);
    expect((refused as MinerError).code).toBe('CAP_REACHED');
    expect((refused as MinerError).details).toMatch(/already spent 0.004 USD/);
    const day2 = new Date('2026-11-22T00:01:00Z');
    expect(await spending(budgetIn(dir), 'c1', day2)).toMatchObject({ day: '2026-11-22', spentToday: 0n, challenge: 2000n });
    await reserve(budget, 'c1', 1000n, day2);
    const perChallenge = await reserve(budget, 'c1', 1000n, day2).catch((e: unknown) => e as MinerError);
    expect((perChallenge as MinerError).shortMessage).toMatch(/per-challenge/);
  });

  it('refuses a price over the per-evaluation limit and gives a released reservation back', async () => {
    const budget = budgetIn(mkdtempSync(join(tmpdir(), 'botcoin-budget-')));
    const over = await reserve(budget, 'c1', 2001n).catch((e: unknown) => e as MinerError);
    expect((over as MinerError).shortMessage).toMatch(/per-evaluation/);
    const held = await reserve(budget, 'c1', 2000n);
    expect((await spending(budget, 'c1')).challenge).toBe(2000n);
    await held.release();
    await held.release();
    expect((await spending(budget, 'c1')).challenge).toBe(0n);
  });
});
