import { describe, it, expect, beforeEach } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyReceipt, canTransition, inFlight, openLedger, receiptStates, type Ledger, type ReceiptRecord, type ReceiptView } from '../../src/ledger/index.js';
import { MinerError } from '../../src/errors.js';
import { WALLET, receipt, txHash } from './support/records.js';

let ledger: Ledger;
beforeEach(async () => {
  ledger = openLedger({ dir: await mkdtemp(join(tmpdir(), 'botcoin-receipts-')), wallet: WALLET });
});

const p1 = { epochId: '42', solveIndex: '1' };
const p2 = { epochId: '42', solveIndex: '2' };
const p3 = { epochId: '43', solveIndex: '3' };
const p4 = { epochId: '43', solveIndex: '4' };

describe('receiptStates', () => {
  it('folds each receipt to its latest state, keeping the signed facts and what later records added', async () => {
    await ledger.append(receipt('signed', p1, { tx: 1 }));
    await ledger.append(receipt('signed', p2, { tx: 2 }));
    await ledger.append(receipt('broadcast', p1, { tx: 1 }));
    await ledger.append(receipt('confirmed', p1, { tx: 1, creditsEarned: '520' }));
    const states = receiptStates(await ledger.read());
    expect([...states.keys()]).toEqual(['rig:7:42:1', 'rig:7:42:2']);
    const first = states.get('rig:7:42:1') as ReceiptView;
    expect(first).toMatchObject({ state: 'confirmed', epochId: '42', solveIndex: '1', rigId: '7', txHash: txHash(1), blockNumber: '100', creditsEarned: '520', rawTransaction: '0x02f8' });
    expect(first.history.map((r) => r.state)).toEqual(['signed', 'broadcast', 'confirmed']);
    expect(states.get('rig:7:42:2')?.state).toBe('signed');
  });

  it('allows a dropped receipt to be broadcast again, with a replacement transaction', async () => {
    await ledger.append(receipt('signed', p1, { tx: 1 }));
    await ledger.append(receipt('broadcast', p1, { tx: 1 }));
    await ledger.append(receipt('dropped', p1, { tx: 1 }));
    await ledger.append({ kind: 'receipt', receiptId: 'rig:7:42:1', state: 'broadcast', txHash: txHash(9), rawTransaction: '0x02f9' });
    await ledger.append(receipt('confirmed', p1, { tx: 9 }));
    const view = receiptStates(await ledger.read()).get('rig:7:42:1');
    expect(view?.history.map((r) => r.state)).toEqual(['signed', 'broadcast', 'dropped', 'broadcast', 'confirmed']);
    expect(view).toMatchObject({ state: 'confirmed', txHash: txHash(9), rawTransaction: '0x02f9', dropReason: 'not seen for 10 minutes' });
  });

  it.each([
    [['broadcast'], 'nothing', 'broadcast'],
    [['signed', 'signed'], 'signed', 'signed'],
    [['signed', 'confirmed'], 'signed', 'confirmed'],
    [['signed', 'broadcast', 'broadcast'], 'broadcast', 'broadcast'],
    [['signed', 'broadcast', 'confirmed', 'reverted'], 'confirmed', 'reverted'],
    [['signed', 'broadcast', 'reverted', 'broadcast'], 'reverted', 'broadcast'],
    [['signed', 'dropped', 'signed'], 'dropped', 'signed'],
  ] as const)('refuses the illegal history %j', async (states, from, to) => {
    for (const state of states) await ledger.append(receipt(state, p1));
    const records = await ledger.read();
    expect(() => receiptStates(records)).toThrow(MinerError);
    expect(() => receiptStates(records)).toThrow(`cannot go from ${from} to ${to}`);
  });

  it('checks a step before it is appended and leaves the states untouched when refusing', async () => {
    const signed = await ledger.append(receipt('signed', p1));
    const states = receiptStates([signed]);
    const confirmed = (await ledger.append(receipt('confirmed', p1))) as ReceiptRecord;
    expect(() => applyReceipt(states, confirmed)).toThrow(/cannot go from signed to confirmed/);
    expect(states.get('rig:7:42:1')?.state).toBe('signed');
    expect(canTransition('signed', 'broadcast')).toBe(true);
    expect(canTransition('signed', 'dropped')).toBe(true);
    expect(canTransition('dropped', 'broadcast')).toBe(true);
    expect(canTransition(undefined, 'signed')).toBe(true);
    expect(canTransition('confirmed', 'broadcast')).toBe(false);
  });
});

describe('inFlight', () => {
  it('lists the receipts left signed or broadcast: the ones to re-broadcast or confirm on start', async () => {
    await ledger.append(receipt('signed', p1));
    await ledger.append(receipt('signed', p2));
    await ledger.append(receipt('signed', p3));
    await ledger.append(receipt('signed', p4));
    await ledger.append(receipt('broadcast', p2));
    await ledger.append(receipt('broadcast', p3));
    await ledger.append(receipt('confirmed', p3));
    await ledger.append(receipt('dropped', p4));
    const open = inFlight(await ledger.read());
    expect(open.map((r) => [r.receiptId, r.state])).toEqual([
      ['rig:7:42:1', 'signed'],
      ['rig:7:42:2', 'broadcast'],
    ]);
    expect(open[0]).toMatchObject({ rawTransaction: '0x02f8', transaction: { chainId: 8453, value: '0' } });
  });

  it('is empty for a fresh ledger', async () => {
    expect(inFlight(await ledger.read())).toEqual([]);
  });
});
