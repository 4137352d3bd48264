import { describe, it, expect } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openLedger, type LedgerWarning } from '../../src/ledger/index.js';
import { compileForChild } from './support/compile.js';
import { WALLET } from './support/records.js';

function run(args: string[]): Promise<number> {
  const script = fileURLToPath(new URL('./support/child-append.mjs', import.meta.url));
  const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'inherit', 'inherit'] });
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
}

describe('two processes appending to one wallet ledger', () => {
  it('never interleave partial lines: every line of both is a whole, valid record', async () => {
    const { modulePath } = await compileForChild('src/ledger/index.ts');
    const ledgerModule = modulePath('src/ledger/index.ts');
    const dataDir = await mkdtemp(join(tmpdir(), 'botcoin-two-'));
    // 30 KB records: large enough that a non-atomic append would tear lines.
    const codes = await Promise.all([
      run([ledgerModule, dataDir, WALLET, 'proc-a', '100', '30000']),
      run([ledgerModule, dataDir, WALLET, 'proc-b', '100', '30000']),
    ]);
    expect(codes).toEqual([0, 0]);

    const warnings: LedgerWarning[] = [];
    const ledger = openLedger({ dir: dataDir, wallet: WALLET, onWarning: (w) => warnings.push(w) });
    const records = await ledger.read();
    expect(warnings).toEqual([]);
    expect(records).toHaveLength(200);
    for (const tag of ['proc-a', 'proc-b']) {
      const mine = records.flatMap((r) => (r.kind === 'error' && r.where === tag ? [Number(r.message.split(' ')[0])] : []));
      expect(mine).toEqual(Array.from({ length: 100 }, (_, i) => i));
    }
    const files = await readdir(ledger.dir);
    const lineCount = (
      await Promise.all(files.filter((f) => f.endsWith('.jsonl')).map(async (f) => (await readFile(join(ledger.dir, f), 'utf8')).split('\n').filter((line) => line.trim() !== '').length))
    ).reduce((a, b) => a + b, 0);
    // Whole records only: no record split over lines, none glued to another (a blank line, from
    // each process's one start-up check for a torn line, is harmless and skipped by readers).
    expect(lineCount).toBe(200);
  });
});
