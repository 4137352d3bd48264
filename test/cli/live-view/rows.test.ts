import { describe, it, expect } from 'vitest';
import { stampEvent, type MinerEventInput } from '../../../src/miner/events.js';
import { applyEvent, emptyState, epochCredits, finish, slotKey, type LiveState } from '../../../src/cli/live-view/rows.js';
import { seedState } from '../../../src/cli/live-view/baseline.js';
import type { LedgerRecord } from '../../../src/ledger/index.js';

const NOW = new Date('2026-11-22T10:00:00.000Z');

function feed(state: LiveState, inputs: MinerEventInput[], now: Date = NOW): void {
  for (const input of inputs) applyEvent(state, stampEvent(input, now));
}

const rig = (rigId: string) => ({ lane: 'rig' as const, rigId });

describe('live view rows folded from miner events', () => {
  it('follows one rig through challenge, model call, check, attempt, verdict and a confirmed receipt', () => {
    const state = emptyState(['rig 1', 'rig 2'], '2026-11-22');
    feed(state, [
      { ...rig('1'), type: 'challenge', challengeId: 'c1', epochId: '7', solveIndex: '0', domain: 'biotech' },
      { ...rig('1'), type: 'model_call', challengeId: 'c1', attempt: 1, provider: 'openai', model: 'm', promptTokens: 10, completionTokens: 5, costUsd: 0.25, latencyMs: 9 },
    ]);
    const row = state.rows.get('rig 1')!;
    expect([row.state, row.attempt, row.costUsd]).toEqual(['solving', 1, 0.25]);
    feed(state, [{ ...rig('1'), type: 'check', challengeId: 'c1', attempt: 1, pass: true, constraintsPassed: 8, constraintsTotal: 8, traceValid: true, repairs: 0, problems: [] }]);
    expect(row.state).toBe('checked');
    feed(state, [{ ...rig('1'), type: 'attempt', challengeId: 'c1', attempt: 1, submitted: true, artifact: 'a b', wordCount: 2 }]);
    expect([row.state, state.totals.attempts]).toEqual(['submitted', 1]);
    feed(state, [{ ...rig('1'), type: 'verdict', challengeId: 'c1', attempt: 1, pass: false, retryAllowed: true, constraintsPassed: 6, constraintsTotal: 8, questionAnswersCorrect: 5, questionAnswersTotal: 10 }]);
    expect(row.state).toBe('rejected');
    expect(row.lastVerdict).toEqual({ pass: false, constraints: '6/8', answers: '5/10' });
    feed(state, [
      { ...rig('1'), type: 'model_call', challengeId: 'c1', attempt: 2, provider: 'openai', model: 'm', promptTokens: 1, completionTokens: 1, costUsd: null, latencyMs: 1 },
      { ...rig('1'), type: 'attempt', challengeId: 'c1', attempt: 2, submitted: true, artifact: 'a b', wordCount: 2 },
      { ...rig('1'), type: 'verdict', challengeId: 'c1', attempt: 2, pass: true },
      { ...rig('1'), type: 'receipt', receiptId: 'r1', state: 'signed', challengeId: 'c1', recovered: false },
      { ...rig('1'), type: 'receipt', receiptId: 'r1', state: 'broadcast', challengeId: 'c1', recovered: false },
    ]);
    expect([row.state, row.attempt, row.unpricedCalls, row.lastVerdict?.pass]).toEqual(['broadcast', 2, 1, true]);
    feed(state, [{ ...rig('1'), type: 'receipt', receiptId: 'r1', state: 'confirmed', challengeId: 'c1', creditsEarned: '150', recovered: false }]);
    expect(row.state).toBe('confirmed');
    expect(epochCredits(state, row)).toBe(150n);
    expect(state.totals).toEqual({ attempts: 2, passes: 1, rejections: 1, confirmed: 1, abandoned: 0 });
    // The other rig saw nothing.
    expect(state.rows.get('rig 2')).toMatchObject({ state: 'starting', attempt: undefined, costUsd: 0 });
    finish(state);
    expect([...state.rows.values()].map((r) => r.state)).toEqual(['done', 'done']);
  });

  it('shows routine errors in the row and keeps a fatal one as stopped when the run ends', () => {
    const state = emptyState(['rig 1', 'rig 2'], '2026-11-22');
    feed(state, [
      { ...rig('1'), type: 'error', code: 'ABANDONED', message: 'gave up', fatal: false, challengeId: 'c1' },
      { ...rig('2'), type: 'error', code: 'CAP_REACHED', message: 'cap', fatal: true },
    ]);
    expect(state.rows.get('rig 1')).toMatchObject({ state: 'abandoned', note: 'ABANDONED' });
    expect(state.totals.abandoned).toBe(1);
    finish(state);
    expect(state.rows.get('rig 2')).toMatchObject({ state: 'stopped', note: 'CAP_REACHED' });
  });

  it('adds a row for a rig that only shows up in events (a recovered receipt of another rig)', () => {
    const state = emptyState(['rig 1'], '2026-11-22');
    feed(state, [{ ...rig('9'), type: 'receipt', receiptId: 'r9', state: 'confirmed', challengeId: 'old', creditsEarned: '40', recovered: true }]);
    expect([...state.rows.keys()]).toEqual(['rig 1', 'rig 9']);
    // A recovered receipt settles old work: it does not change what the rig is doing now.
    expect(state.rows.get('rig 9')?.state).toBe('starting');
    expect(state.totals.confirmed).toBe(0);
  });

  it('restarts cost today at 00:00 UTC', () => {
    const state = emptyState(['rig 1'], '2026-11-22');
    state.rows.get('rig 1')!.costUsd = 3;
    feed(state, [{ ...rig('1'), type: 'model_call', challengeId: 'c', attempt: 1, provider: 'p', model: 'm', promptTokens: 1, completionTokens: 1, costUsd: 0.5, latencyMs: 1 }], new Date('2026-11-23T00:00:01Z'));
    expect(state.day).toBe('2026-11-23');
    expect(state.rows.get('rig 1')?.costUsd).toBe(0.5);
  });

  it('uses the wallet as the one row of the wallet lane', () => {
    const state = emptyState([slotKey(undefined)], '2026-11-22');
    feed(state, [{ lane: 'wallet', type: 'challenge', challengeId: 'w1', epochId: '3' }]);
    expect(state.rows.get('wallet')?.state).toBe('solving');
    expect(state.epochId).toBe('3');
  });
});

describe('live view baseline from the ledger', () => {
  let n = 0;
  const rec = (ts: string, fields: Record<string, unknown>): LedgerRecord => ({ v: 1, ts, id: `id${n++}`, ...fields }) as LedgerRecord;
  const miner = '0x' + '1'.repeat(40);
  const txHash = '0x' + 'a'.repeat(64);
  const challenge = (id: string, rigId: string, epochId: string, ts: string): LedgerRecord =>
    rec(ts, { kind: 'challenge', challengeId: id, lane: 'rig', rigId, miner, epochId, nonce: 'n', payload: { sha256: '0'.repeat(64), path: 'p', bytes: 1 } });
  const call = (id: string, cost: number | null, ts: string): LedgerRecord =>
    rec(ts, { kind: 'model_call', challengeId: id, attempt: 1, provider: 'p', model: 'm', messages: [], response: '', usage: { promptTokens: 1, completionTokens: 1, totalTokens: 2 }, costUsd: cost, latencyMs: 1 });
  const signed = (receiptId: string, id: string, rigId: string, epochId: string, ts: string): LedgerRecord =>
    rec(ts, { kind: 'receipt', receiptId, state: 'signed', lane: 'rig', rigId, miner, epochId, solveIndex: '0', challengeId: id, receipt: {}, transaction: { to: miner, chainId: 1, value: '0', data: '0x' }, rawTransaction: '0x', txHash });
  const broadcast = (receiptId: string, ts: string): LedgerRecord => rec(ts, { kind: 'receipt', receiptId, state: 'broadcast', txHash });
  const confirmed = (receiptId: string, credits: string, ts: string): LedgerRecord =>
    rec(ts, { kind: 'receipt', receiptId, state: 'confirmed', txHash, blockNumber: '5', creditsEarned: credits });

  it("counts today's spend and each epoch's credits per rig, then adds live events on top", () => {
    const records = [
      challenge('y', '1', '6', '2026-11-21T23:00:00Z'),
      call('y', 9, '2026-11-21T23:00:01Z'), // yesterday: not today's cost
      signed('ry', 'y', '1', '6', '2026-11-21T23:00:02Z'),
      broadcast('ry', '2026-11-21T23:00:02Z'),
      confirmed('ry', '70', '2026-11-21T23:00:03Z'), // epoch 6: not this epoch
      challenge('a', '1', '7', '2026-11-22T08:00:00Z'),
      call('a', 0.5, '2026-11-22T08:00:01Z'),
      call('a', null, '2026-11-22T08:00:02Z'),
      signed('ra', 'a', '1', '7', '2026-11-22T08:00:03Z'),
      broadcast('ra', '2026-11-22T08:00:03Z'),
      confirmed('ra', '100', '2026-11-22T08:00:04Z'),
      challenge('b', '2', '7', '2026-11-22T08:10:00Z'),
      call('b', 0.25, '2026-11-22T08:10:01Z'),
      signed('rb', 'b', '2', '7', '2026-11-22T08:10:02Z'), // in flight
      challenge('z', '5', '7', '2026-11-22T08:20:00Z'), // a rig not mined now
      call('z', 1, '2026-11-22T08:20:01Z'),
    ];
    const state = emptyState(['rig 1', 'rig 2'], '2026-11-22');
    seedState(state, records, NOW);
    const [one, two] = [state.rows.get('rig 1')!, state.rows.get('rig 2')!];
    expect(state.epochId).toBe('7');
    expect([one.costUsd, one.unpricedCalls, epochCredits(state, one)]).toEqual([0.5, 1, 100n]);
    expect([two.costUsd, epochCredits(state, two)]).toEqual([0.25, 0n]);
    expect(state.unattributedCostUsd).toBe(1);
    // Recovery confirms rig 2's in-flight receipt: its epoch comes from the ledger.
    feed(state, [{ ...rig('2'), type: 'receipt', receiptId: 'rb', state: 'confirmed', creditsEarned: '30', recovered: true }]);
    expect(epochCredits(state, two)).toBe(30n);
    feed(state, [
      { ...rig('1'), type: 'challenge', challengeId: 'c', epochId: '7' },
      { ...rig('1'), type: 'model_call', challengeId: 'c', attempt: 1, provider: 'p', model: 'm', promptTokens: 1, completionTokens: 1, costUsd: 0.125, latencyMs: 1 },
      { ...rig('1'), type: 'receipt', receiptId: 'rc', state: 'confirmed', challengeId: 'c', creditsEarned: '100', recovered: false },
    ]);
    expect([one.costUsd, epochCredits(state, one)]).toEqual([0.625, 200n]);
  });
});
