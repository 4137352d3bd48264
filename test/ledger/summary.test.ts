import { describe, it, expect } from 'vitest';
import { summarize, utcDayStart, type LedgerRecord } from '../../src/ledger/index.js';
import { ledgerRecordSchema, type LedgerRecordInput } from '../../src/ledger/records.js';
import { attempt, feedback, modelCall, receipt } from './support/records.js';

let n = 0;
/** Completes an input the way `append` stamps it, so the summary sees real records. */
function rec(input: LedgerRecordInput): LedgerRecord {
  return ledgerRecordSchema.parse({ ...input, v: 1, id: `r${++n}`, ts: input.ts ?? '2026-11-21T12:00:00.000Z' });
}

const yesterday = '2026-11-21T23:30:00.000Z';
const today = '2026-11-22T01:00:00.000Z';
const now = new Date('2026-11-22T02:00:00.000Z');

const records: LedgerRecord[] = [
  // Yesterday: challenge c0 passed on its second attempt.
  rec({ kind: 'challenge', challengeId: 'c0', lane: 'rig', rigId: '7', miner: '0x90F79bf6EB2c4f870365E785982E1f101E93b906', nonce: 'n0', payload: { sha256: 'a'.repeat(64), path: 'payloads/a.json', bytes: 10 }, ts: yesterday }),
  rec(modelCall(0.1, yesterday)),
  rec(attempt('c0', 1, yesterday)),
  rec(feedback('c0', 1, false, yesterday)),
  rec(attempt('c0', 2, yesterday)),
  rec(feedback('c0', 2, true, yesterday)),
  rec(receipt('signed', { epochId: '41', solveIndex: '1' }, { ts: yesterday })),
  rec(receipt('broadcast', { epochId: '41', solveIndex: '1' }, { ts: yesterday })),
  rec(receipt('confirmed', { epochId: '41', solveIndex: '1' }, { ts: today, creditsEarned: '520' })),
  // Today: c1 failed three times, c2 passed first time.
  rec({ kind: 'challenge', challengeId: 'c1', lane: 'rig', rigId: '7', miner: '0x90F79bf6EB2c4f870365E785982E1f101E93b906', nonce: 'n1', payload: { sha256: 'b'.repeat(64), path: 'payloads/b.json', bytes: 10 }, ts: today }),
  rec(modelCall(0.1, today)),
  rec(modelCall(0.2, today)),
  rec(modelCall(null, today)),
  rec(attempt('c1', 1, today)),
  rec(feedback('c1', 1, false, today)),
  rec(attempt('c1', 2, today)),
  rec(feedback('c1', 2, false, today)),
  rec(attempt('c1', 3, today)),
  rec(feedback('c1', 3, false, today)),
  rec(attempt('c2', 1, today)),
  rec(feedback('c2', 1, true, today)),
  rec(receipt('signed', { epochId: '42', solveIndex: '2' }, { ts: today })),
  rec(receipt('broadcast', { epochId: '42', solveIndex: '2' }, { ts: today })),
  rec(receipt('confirmed', { epochId: '42', solveIndex: '2' }, { ts: today, creditsEarned: '1075' })),
  rec(receipt('signed', { epochId: '42', solveIndex: '3' }, { ts: today })),
  rec(receipt('broadcast', { epochId: '42', solveIndex: '3' }, { ts: today })),
  rec(receipt('confirmed', { epochId: '42', solveIndex: '3' }, { ts: today })),
  rec(receipt('signed', { epochId: '42', solveIndex: '4' }, { ts: today })),
  rec(receipt('signed', { epochId: '42', solveIndex: '5' }, { ts: today })),
  rec(receipt('broadcast', { epochId: '42', solveIndex: '5' }, { ts: today })),
  rec(receipt('reverted', { epochId: '42', solveIndex: '5' }, { ts: today })),
];

describe('summarize', () => {
  it('counts today (UTC), the totals, receipts by state and credits per epoch', () => {
    expect(summarize(records, { now })).toEqual({
      day: '2026-11-22',
      since: null,
      today: { attempts: 4, modelCalls: 3, costUsd: 0.3, unpricedCalls: 1, passes: 1, fails: 3 },
      challenges: 2,
      attempts: 6,
      passes: 2,
      fails: 4,
      passRate: 2 / 6,
      costUsd: 0.4,
      receipts: { signed: 1, broadcast: 0, confirmed: 3, reverted: 1, dropped: 0 },
      creditsByEpoch: {
        '41': { confirmed: 1, creditsEarned: '520', withoutCredits: 0 },
        '42': { confirmed: 2, creditsEarned: '1075', withoutCredits: 1 },
      },
    });
  });

  it('restricts the totals to records since an instant, and receipts to those signed since', () => {
    const summary = summarize(records, { now, since: utcDayStart(now) });
    expect(summary.since).toBe('2026-11-22T00:00:00.000Z');
    expect(summary).toMatchObject({ challenges: 1, attempts: 4, passes: 1, fails: 3, passRate: 0.25, costUsd: 0.3 });
    expect(summary.receipts).toEqual({ signed: 1, broadcast: 0, confirmed: 2, reverted: 1, dropped: 0 });
    expect(Object.keys(summary.creditsByEpoch)).toEqual(['42']);
  });

  it('has no pass rate before any feedback', () => {
    expect(summarize([], { now })).toMatchObject({ attempts: 0, passRate: null, today: { attempts: 0, costUsd: 0 } });
  });

  it('starts the day at 00:00 UTC', () => {
    expect(utcDayStart(new Date('2026-11-22T23:59:59.999+05:00')).toISOString()).toBe('2026-11-22T00:00:00.000Z');
  });
});
