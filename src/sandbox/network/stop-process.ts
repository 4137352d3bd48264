/**
 * `sandbox down`: stops the sandbox process a description names. SIGTERM lets it stop the
 * coordinator and anvil (which saves `--state`) and remove its files; if it does not exit in
 * time, SIGKILL its process group and the recorded anvil. A pid is signalled only while its
 * chain or coordinator still answers: a reused pid of an unrelated process is never touched.
 */
import { readFile, rm } from 'node:fs/promises';
import { readSandboxDescription, type SandboxDescription } from './description.js';
import { isProcessAlive, probeSandbox } from './liveness.js';
import { sandboxPaths } from './paths.js';

export interface StopResult {
  /** A sandbox process was running and has been stopped. */
  stopped: boolean;
  pid: number | null;
  /** It ignored SIGTERM and was killed. */
  forced: boolean;
  /** What happened when nothing was stopped (no sandbox, or a stale description removed). */
  note?: string;
}

const POLL_MS = 100;

export async function stopSandboxProcess(dataDir?: string, graceMs = 15_000): Promise<StopResult> {
  const paths = sandboxPaths(dataDir);
  let description: SandboxDescription;
  try {
    description = await readSandboxDescription(dataDir);
  } catch {
    const leftover = await readFile(paths.description, 'utf8').then(() => true, () => false);
    await removeFiles(paths);
    return { stopped: false, pid: null, forced: false, note: leftover ? 'An invalid sandbox description was removed.' : 'No sandbox is running.' };
  }
  const live = await probeSandbox(description);
  const anvilPid = await readPid(paths.anvilPid);
  if (!live.process || !(live.rpc || live.coordinator)) {
    // The sandbox process died without cleaning up (e.g. SIGKILL): its chain may be orphaned.
    if (live.rpc && anvilPid !== undefined) signal(anvilPid, 'SIGTERM');
    await removeFiles(paths);
    const note = live.process
      ? `pid ${description.pid} serves no sandbox any more (not signalled); its stale description was removed.`
      : `The sandbox (pid ${description.pid}) was no longer running; its stale description was removed.`;
    return { stopped: false, pid: description.pid, forced: false, note };
  }
  signal(description.pid, 'SIGTERM');
  let forced = false;
  if (!(await waitForExit(description.pid, graceMs))) {
    forced = true;
    // `sandbox up --detach` leads its own process group; anvil leads another.
    if (!signal(-description.pid, 'SIGKILL')) signal(description.pid, 'SIGKILL');
    if (anvilPid !== undefined) signal(-anvilPid, 'SIGKILL');
    await waitForExit(description.pid, 2_000);
  }
  await removeFiles(paths);
  return { stopped: true, pid: description.pid, forced };
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isProcessAlive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return true;
}

function signal(pid: number, name: NodeJS.Signals): boolean {
  try {
    process.kill(pid, name);
    return true;
  } catch {
    return false;
  }
}

async function readPid(path: string): Promise<number | undefined> {
  const text = await readFile(path, 'utf8').catch(() => '');
  const pid = Number.parseInt(text.trim(), 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

async function removeFiles(paths: { description: string; anvilPid: string }): Promise<void> {
  await Promise.all([rm(paths.description, { force: true }), rm(paths.anvilPid, { force: true })]);
}
