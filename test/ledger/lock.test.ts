import { describe, it, expect, beforeAll, beforeEach, afterEach } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOCK_FILE, openLedger, type Ledger } from '../../src/ledger/index.js';
import { MinerError } from '../../src/errors.js';
import { compileForChild } from './support/compile.js';
import { WALLET } from './support/records.js';

let modulePath: string;
beforeAll(async () => {
  modulePath = (await compileForChild('src/ledger/index.ts')).modulePath('src/ledger/index.ts');
});

let dataDir: string;
let ledger: Ledger;
const children: ChildProcess[] = [];
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'botcoin-lock-'));
  ledger = openLedger({ dir: dataDir, wallet: WALLET });
});
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill();
});

/** A second miner process on the same wallet, resolved once it holds the lock. */
function lockingChild(): Promise<ChildProcess> {
  const script = fileURLToPath(new URL('./support/child-lock.mjs', import.meta.url));
  const child = spawn(process.execPath, [script, modulePath, dataDir, WALLET], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('locked')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`lock child exited early (${code})`)));
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
}

async function refusal(): Promise<MinerError> {
  const error = await ledger.acquireMinerLock().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MinerError);
  return error as MinerError;
}

describe('acquireMinerLock', () => {
  it('writes <ledger dir>/miner.lock with our pid and removes it on release', async () => {
    const lock = await ledger.acquireMinerLock();
    const path = join(ledger.dir, LOCK_FILE);
    expect(lock.path).toBe(path);
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() });
    await lock.release();
    await expect(stat(path)).rejects.toThrow();
    await (await ledger.acquireMinerLock()).release();
  });

  it('refuses a second miner in the same process, naming the pid and the fix', async () => {
    const lock = await ledger.acquireMinerLock();
    const error = await refusal();
    expect(error.code).toBe('BAD_USAGE');
    expect(error.shortMessage).toContain(`pid ${process.pid}`);
    expect(error.shortMessage).toContain(WALLET.toLowerCase());
    expect(error.hint).toContain(join(ledger.dir, LOCK_FILE));
    await lock.release();
  });

  it('refuses while another live process holds the lock, and takes over once it has died', async () => {
    const child = await lockingChild();
    const error = await refusal();
    expect(error.shortMessage).toContain(`pid ${child.pid}`);
    child.kill('SIGKILL');
    await exited(child);
    const lock = await ledger.acquireMinerLock();
    expect(JSON.parse(await readFile(lock.path, 'utf8')).pid).toBe(process.pid);
    await lock.release();
  });

  it('treats a lock from another host as held (its pid cannot be checked from here)', async () => {
    await ledger.append({ kind: 'error', where: 'test', code: 'X', message: 'creates the folder' });
    await writeFile(join(ledger.dir, LOCK_FILE), JSON.stringify({ pid: 1, host: 'elsewhere', startedAt: '2026-11-22T00:00:00.000Z' }));
    expect((await refusal()).shortMessage).toContain('on host elsewhere');
  });

  it('does not remove a lock that another miner has taken since', async () => {
    const lock = await ledger.acquireMinerLock();
    const theirs = JSON.stringify({ pid: process.pid + 1, host: hostname(), startedAt: 'now' });
    await writeFile(lock.path, theirs);
    await lock.release();
    expect(await readFile(lock.path, 'utf8')).toBe(theirs);
  });
});
