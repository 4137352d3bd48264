/** Is a described sandbox alive? Its process, its chain and its coordinator, asked directly. */
import { readFileSync } from 'node:fs';
import { MinerError } from '../../errors.js';
import { readSandboxDescription, type SandboxDescription } from './description.js';

export interface SandboxLiveness {
  /** The sandbox process (the description's pid) exists. */
  process: boolean;
  /** The RPC answers `eth_chainId` with the described chain id. */
  rpc: boolean;
  /** What the RPC answered, or null. */
  chainId: number | null;
  /** The coordinator's `/health` answers 200. */
  coordinator: boolean;
  /** The coordinator's current epoch id (decimal string), or null. */
  epoch: string | null;
}

const PROBE_TIMEOUT_MS = 1_500;

export async function probeSandbox(description: SandboxDescription): Promise<SandboxLiveness> {
  const [chainId, health] = await Promise.all([
    rpcChainId(description.chain.rpcUrl),
    coordinatorHealth(description.coordinator.url),
  ]);
  return {
    process: isProcessAlive(description.pid),
    rpc: chainId === description.chain.chainId,
    chainId,
    coordinator: health !== undefined,
    epoch: health?.epochId ?? null,
  };
}

/** Everything answers: the sandbox is usable. */
export function isHealthy(live: SandboxLiveness): boolean {
  return live.process && live.rpc && live.coordinator;
}

/**
 * One sandbox per data dir: a live one (its process exists and its chain or coordinator answers)
 * is never replaced; a dead one's leftover description is.
 */
export async function assertNoLiveSandbox(dataDir?: string): Promise<void> {
  const current = await readSandboxDescription(dataDir).catch(() => undefined);
  if (!current) return;
  const live = await probeSandbox(current);
  if (live.process && (live.rpc || live.coordinator)) {
    throw new MinerError('SANDBOX', `A sandbox is already running (pid ${current.pid}, coordinator ${current.coordinator.url}).`, {
      hint: 'Use it as it is, stop it with `botcoin-miner sandbox down`, or set BOTCOIN_DATA_DIR to run another one.',
    });
  }
}

/** True when a process with this pid exists and is not a zombie (signal 0 checks without signalling). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie(pid);
}

/**
 * A detached sandbox outlives the command that spawned it; once it exits it stays a zombie
 * until its new parent reaps it, and not every container's init does. Linux-only check.
 */
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z';
  } catch {
    return false;
  }
}

async function rpcChainId(rpcUrl: string): Promise<number | null> {
  try {
    const response = await fetch(rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
    });
    const body = (await response.json()) as { result?: unknown };
    return typeof body.result === 'string' ? Number.parseInt(body.result, 16) : null;
  } catch {
    return null;
  }
}

async function coordinatorHealth(url: string): Promise<{ epochId: string | null } | undefined> {
  try {
    const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    if (!response.ok) return undefined;
    const body = (await response.json()) as { epochId?: unknown };
    return { epochId: typeof body.epochId === 'string' ? body.epochId : null };
  } catch {
    return undefined;
  }
}
