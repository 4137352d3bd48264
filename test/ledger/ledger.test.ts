import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { appendFile, mkdtemp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLedger, type LedgerWarning } from '../../src/ledger/index.js';
import { registerSecret, unregisterSecret } from '../../src/safety/secrets.js';
import { MinerError } from '../../src/errors.js';
import { WALLET, attempt, feedback, modelCall, receipt } from './support/records.js';

let dataDir: string;
let warnings: LedgerWarning[];
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'botcoin-ledger-'));
  warnings = [];
});

function ledger() {
  return openLedger({ dir: dataDir, wallet: WALLET, onWarning: (w) => warnings.push(w) });
}

async function lines(file: string): Promise<string[]> {
  return (await readFile(file, 'utf8')).split('\n');
}

describe('openLedger', () => {
  it('keeps one folder per wallet under <data dir>/ledger/<lower-case address>/', () => {
    expect(ledger().dir).toBe(join(dataDir, 'ledger', WALLET.toLowerCase()));
  });

  it('refuses something that is not an address', () => {
    expect(() => openLedger({ dir: dataDir, wallet: 'alice' })).toThrow(MinerError);
  });

  it('reads an empty list from a wallet that has no ledger yet, without creating its folder', async () => {
    expect(await ledger().read()).toEqual([]);
    await expect(stat(join(dataDir, 'ledger'))).rejects.toThrow();
  });
});

describe('append and read', () => {
  it('round-trips records in append order, stamped with v, ts and a unique id', async () => {
    const l = ledger();
    const first = await l.append(attempt('c1', 1));
    const second = await l.append(feedback('c1', 1, false));
    const third = await l.append(receipt('signed', { epochId: '42', solveIndex: '3' }));
    const back = await ledger().read();
    expect(back).toEqual([first, second, third]);
    expect(first.v).toBe(1);
    expect(new Set(back.map((r) => r.id)).size).toBe(3);
    expect(Date.parse(first.ts)).not.toBeNaN();
    expect(warnings).toEqual([]);
  });

  it('rotates per UTC month of the record ts and reads the months in order', async () => {
    const l = ledger();
    await l.append(attempt('c-dec', 1, '2026-12-01T00:00:00Z'));
    await l.append(attempt('c-nov', 1, '2026-11-30T23:59:59.999Z'));
    expect((await readdir(l.dir)).sort()).toEqual(['2026-11.jsonl', '2026-12.jsonl']);
    expect((await l.read()).map((r) => (r.kind === 'attempt' ? r.challengeId : ''))).toEqual(['c-nov', 'c-dec']);
  });

  it('stores ts in UTC and picks the month file by the UTC date', async () => {
    const l = ledger();
    const record = await l.append(attempt('c1', 1, '2026-12-01T03:00:00+05:00'));
    expect(record.ts).toBe('2026-11-30T22:00:00.000Z');
    expect(await readdir(l.dir)).toEqual(['2026-11.jsonl']);
  });

  it('filters by kind, challenge and since (skipping older month files)', async () => {
    const l = ledger();
    await l.append(attempt('old', 1, '2026-10-15T12:00:00Z'));
    await l.append(modelCall(0.01, '2026-11-20T10:00:00Z'));
    await l.append(attempt('c1', 1, '2026-11-21T10:00:00Z'));
    await l.append(feedback('c1', 1, true, '2026-11-21T10:01:00Z'));
    await l.append(attempt('c2', 1, '2026-11-21T11:00:00Z'));
    const since = await l.read({ since: '2026-11-21T00:00:00Z' });
    expect(since.map((r) => r.kind)).toEqual(['attempt', 'feedback', 'attempt']);
    const attempts = await l.read({ kind: 'attempt' });
    expect(attempts).toHaveLength(3);
    const c1 = await l.read({ challengeId: 'c1' });
    expect(c1.map((r) => r.kind)).toEqual(['attempt', 'feedback']);
    const mixed = await l.read({ kind: ['model_call', 'feedback'] });
    expect(mixed.map((r) => r.kind)).toEqual(['model_call', 'feedback']);
  });

  it('is async-iterable over every record', async () => {
    const l = ledger();
    await l.append(attempt('c1', 1));
    await l.append(attempt('c1', 2));
    const seen: number[] = [];
    for await (const record of l) if (record.kind === 'attempt') seen.push(record.attempt);
    expect(seen).toEqual([1, 2]);
  });

  it('refuses an invalid record with a MinerError naming the field, and writes nothing', async () => {
    const l = ledger();
    const bad = { ...attempt('c1', 1), attempt: 4 } as Parameters<typeof l.append>[0];
    await expect(l.append(bad)).rejects.toThrow(/attempt/);
    expect(await l.read()).toEqual([]);
  });

  it('writes the ledger file readable by the owner only', async () => {
    const l = ledger();
    const record = await l.append(attempt('c1', 1));
    const info = await stat(join(l.dir, `${record.ts.slice(0, 7)}.jsonl`));
    expect(info.mode & 0o777).toBe(0o600);
  });
});

describe('appendDurable', () => {
  it('resolves only once the record is complete on disk, for a second, independent reader', async () => {
    // fsync itself is not observable without cutting the power; what a caller relies on is that
    // the promise settles after the whole line (and its newline) is in the file.
    const signed = await ledger().appendDurable(receipt('signed', { epochId: '42', solveIndex: '1' }));
    const file = join(ledger().dir, `${signed.ts.slice(0, 7)}.jsonl`);
    expect(await readFile(file, 'utf8')).toMatch(/\n$/);
    const back = await openLedger({ dir: dataDir, wallet: WALLET.toLowerCase() }).read({ kind: 'receipt' });
    expect(back).toEqual([signed]);
  });
});

describe('a crash mid-write', () => {
  it('skips a truncated last line with a warning, keeps earlier records, and the next append starts a fresh line', async () => {
    const l = ledger();
    const a = await l.append(attempt('c1', 1));
    const b = await l.append(feedback('c1', 1, false));
    const file = join(l.dir, `${a.ts.slice(0, 7)}.jsonl`);
    const whole = JSON.stringify({ v: 1, ts: b.ts, kind: 'attempt', id: 'half', challengeId: 'c1', attempt: 2 });
    await appendFile(file, whole.slice(0, whole.length / 2));

    expect(await l.read()).toEqual([a, b]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ file, line: 3 });
    expect(warnings[0]?.message).toMatch(/incomplete/);

    warnings = [];
    const c = await ledger().append(attempt('c1', 2));
    const text = await lines(file);
    expect(text[2]).toBe(whole.slice(0, whole.length / 2));
    expect(JSON.parse(text[3] ?? '')).toMatchObject({ id: c.id });
    expect(await ledger().read()).toEqual([a, b, c]);
    expect(warnings.map((w) => w.line)).toEqual([3]);
    expect(warnings[0]?.message).toMatch(/not valid JSON/);
  });

  it('keeps an unterminated last line that is a complete record (the write stopped just before its newline)', async () => {
    const l = ledger();
    const a = await l.append(attempt('c1', 1));
    const file = join(l.dir, `${a.ts.slice(0, 7)}.jsonl`);
    await writeFile(file, (await readFile(file, 'utf8')).trimEnd());
    expect(await l.read()).toEqual([a]);
    // The next process (a fresh ledger) finds the torn line and starts on a fresh one.
    const b = await ledger().append(attempt('c1', 2));
    expect(await l.read()).toEqual([a, b]);
    expect(warnings).toEqual([]);
  });

  it('skips a line that parses but is not a valid v1 record, naming the problem', async () => {
    const l = ledger();
    const a = await l.append(attempt('c1', 1));
    const file = join(l.dir, `${a.ts.slice(0, 7)}.jsonl`);
    await appendFile(file, `${JSON.stringify({ v: 1, ts: a.ts, kind: 'mystery', id: 'x' })}\n`);
    const b = await l.append(attempt('c1', 2));
    expect(await l.read()).toEqual([a, b]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toMatch(/kind/);
  });
});

describe('concurrent rigs in one process', () => {
  it('turns 200 concurrent appends from 3 rigs into 200 valid lines, in call order', async () => {
    const l = ledger();
    const calls = Array.from({ length: 200 }, (_, i) => ({ rig: i % 3, n: i }));
    const written = await Promise.all(
      calls.map(({ rig, n }) =>
        l.append({ kind: 'error', where: `rig-${rig}`, code: 'TEST', message: `append ${n} ${'x'.repeat(2000)}` }),
      ),
    );
    const file = join(l.dir, `${written[0]?.ts.slice(0, 7)}.jsonl`);
    const text = await lines(file);
    expect(text.pop()).toBe('');
    expect(text).toHaveLength(200);
    const parsed = text.map((line) => JSON.parse(line) as { id: string; message: string });
    expect(parsed.map((r) => r.id)).toEqual(written.map((r) => r.id));
    expect(parsed.map((r) => Number(r.message.split(' ')[1]))).toEqual(calls.map((c) => c.n));
    expect(await l.read()).toHaveLength(200);
    expect(warnings).toEqual([]);
  });
});

describe('challenge payloads', () => {
  it('stores a payload once by content and loads it back verified', async () => {
    const l = ledger();
    const payload = { challengeId: 'c1', doc: 'x'.repeat(40_000), questions: ['q'] };
    const ref = await l.storePayload(payload);
    expect(ref.path).toBe(`payloads/${ref.sha256}.json`);
    expect(ref.bytes).toBe(JSON.stringify(payload).length);
    expect(await l.storePayload({ ...payload })).toEqual(ref);
    expect(await readdir(join(l.dir, 'payloads'))).toEqual([`${ref.sha256}.json`]);
    const record = await l.append({ kind: 'challenge', challengeId: 'c1', lane: 'wallet', miner: WALLET, nonce: 'n-1', payload: ref });
    expect(await l.loadPayload(record.kind === 'challenge' ? record.payload : ref)).toEqual(payload);
  });

  it('refuses to load a payload file that no longer matches its digest', async () => {
    const l = ledger();
    const ref = await l.storePayload({ doc: 'original' });
    await writeFile(join(l.dir, ref.path), JSON.stringify({ doc: 'edited' }));
    await expect(l.loadPayload(ref)).rejects.toThrow(/does not match its recorded sha256/);
  });
});

describe('secrets', () => {
  const key = '0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6';
  afterEach(() => unregisterSecret(key));

  it('refuses a record that contains a registered private key, in any case, and writes nothing', async () => {
    registerSecret(key);
    const l = ledger();
    const leak = { kind: 'error', where: 'wallet', code: 'X', message: `key=${key.slice(2).toUpperCase()}` } as const;
    const error = await l.append(leak).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MinerError);
    expect(String((error as MinerError).message)).not.toMatch(/7c852118/i);
    expect(await l.read()).toEqual([]);
    await expect(l.storePayload({ doc: key })).rejects.toThrow(/registered secret/);
  });

  it('accepts the same record once the key is not registered (the guard is the registry, not a pattern)', async () => {
    const l = ledger();
    const record = await l.append({ kind: 'error', where: 'wallet', code: 'X', message: `hash ${key}` });
    expect(await l.read()).toEqual([record]);
  });
});
