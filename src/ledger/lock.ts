/**
 * One miner per wallet: an advisory lock file `<ledger folder>/miner.lock` holding the owner's
 * pid and host. Two miners on one wallet would race for the same nonces and chain positions
 * (and fold each other's receipts as illegal transitions), so the second is refused. A lock
 * whose pid is dead on this host is stale (a crash) and taken over.
 *
 * The lock is created with O_EXCL, so two starts never both create it. Taking over a stale lock
 * (unlink, then O_EXCL create) has one narrow race: if two miners read the same stale lock at
 * the same instant, the second's unlink can remove the lock the first has just created, and both
 * run. That needs two starts on one wallet within the same few microseconds after a crash; an
 * advisory lock meant to catch a forgotten second terminal does not defend against it.
 */
import { hostname } from 'node:os';
import { join } from 'node:path';
import { mkdir, open, readFile, unlink } from 'node:fs/promises';
import { MinerError } from '../errors.js';

export const LOCK_FILE = 'miner.lock';

export interface MinerLock {
  path: string;
  pid: number;
  /** Removes the lock if it is still ours. */
  release(): Promise<void>;
}

interface LockContent {
  pid: number;
  host: string;
  startedAt: string;
}

export async function acquireMinerLock(dir: string, wallet: string): Promise<MinerLock> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, LOCK_FILE);
  // Two rounds: the first may find a stale lock and remove it; the second must then succeed.
  for (let round = 0; round < 2; round++) {
    if (await tryCreate(path)) return lockHandle(path);
    const holder = await readHolder(path);
    if (holder === undefined) continue; // removed between our create and read: try again
    if (holder !== 'unreadable' && isStale(holder)) {
      await unlink(path).catch(ignoreMissing);
      continue;
    }
    throw refusal(path, wallet, holder);
  }
  throw refusal(path, wallet, (await readHolder(path)) ?? 'unreadable');
}

async function tryCreate(path: string): Promise<boolean> {
  const content: LockContent = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
  try {
    const handle = await open(path, 'wx', 0o600);
    try {
      await handle.writeFile(`${JSON.stringify(content)}\n`);
    } finally {
      await handle.close();
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** The holder, `undefined` if the file is gone, `'unreadable'` if it holds no valid content. */
async function readHolder(path: string): Promise<LockContent | 'unreadable' | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as Partial<LockContent>;
    if (typeof parsed.pid === 'number' && Number.isInteger(parsed.pid) && typeof parsed.host === 'string') {
      return { pid: parsed.pid, host: parsed.host, startedAt: String(parsed.startedAt ?? '') };
    }
  } catch {
    // A lock cut short by a crash while being written; treated as held (see refusal's hint).
  }
  return 'unreadable';
}

/** Dead pid on this host. A lock from another host (a shared folder) cannot be checked: held. */
function isStale(holder: LockContent): boolean {
  if (holder.host !== hostname()) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function refusal(path: string, wallet: string, holder: LockContent | 'unreadable'): MinerError {
  const who =
    holder === 'unreadable'
      ? 'an unreadable lock'
      : `pid ${holder.pid}${holder.host === hostname() ? '' : ` on host ${holder.host}`}, since ${holder.startedAt}`;
  return new MinerError('BAD_USAGE', `Another miner is already running for wallet ${wallet} (${who}).`, {
    hint: `Stop that miner first (one miner per wallet: they would race for nonces); if none is running, delete ${path}.`,
  });
}

function lockHandle(path: string): MinerLock {
  return {
    path,
    pid: process.pid,
    async release(): Promise<void> {
      const holder = await readHolder(path);
      if (holder && holder !== 'unreadable' && holder.pid === process.pid && holder.host === hostname()) {
        await unlink(path).catch(ignoreMissing);
      }
    },
  };
}

function ignoreMissing(error: unknown): void {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
}
