import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadReputation, openReputation, recordOutcome, reputationTable } from '../../../src/market/student/reputation-store.js';

const WALLET = '0x976EA74026E726554dB657fA54763abd0C3a0aa9';

describe('reputation table', () => {
  it('persists outcomes per wallet and lists evaluators best first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'botcoin-rep-'));
    const store = openReputation({ wallet: WALLET, dir });
    expect(store.file).toBe(join(dir, 'market', WALLET.toLowerCase(), 'reputation.json'));
    await Promise.all([
      recordOutcome(store, 'a@0x1', { nextAttemptPassed: true, feedbackVerdict: 'fail', coordinatorVerdict: 'fail', confidence: 0.9 }),
      recordOutcome(store, 'a@0x1', { nextAttemptPassed: true }),
      recordOutcome(store, 'b@0x2', { nextAttemptPassed: false, feedbackVerdict: 'pass', coordinatorVerdict: 'fail', confidence: 0.9 }),
    ]);
    const snapshot = await loadReputation(openReputation({ wallet: WALLET, dir }));
    expect(snapshot['a@0x1']).toMatchObject({ consults: 2, helped: 2, correct: 1, wrong: 0, brierCount: 1 });
    expect(snapshot['b@0x2']).toMatchObject({ consults: 1, notHelped: 1, wrong: 1 });
    expect(JSON.parse(readFileSync(store.file, 'utf8')).version).toBe(1);
    const table = await reputationTable(store);
    expect(table.map((r) => r.evaluatorId)).toEqual(['a@0x1', 'b@0x2']);
    expect(await loadReputation(openReputation({ wallet: '0x0000000000000000000000000000000000000001', dir }))).toEqual({});
  });
});
