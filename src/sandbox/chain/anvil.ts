import { spawn, type ChildProcess } from 'node:child_process';
import type { Socket } from 'node:net';
import { MinerError } from '../../errors.js';
import { resolveAnvilBinary } from './anvil-binary.js';
import { findFreePort } from './free-port.js';

export interface StartAnvilOptions {
  /** Seconds between blocks; 0 (default) mines each transaction at once, 2 is Base-like. */
  blockTime?: number;
  /** A fixed port; default a free one picked by the OS. */
  port?: number;
  /** Default 31337. Public chain ids are refused: sandbox signatures would be valid there. */
  chainId?: number;
  /** `--state <file>`: load the chain from it at start and save it on stop. */
  stateFile?: string;
  /** Number of funded dev accounts (anvil's default 10). */
  accounts?: number;
  /** Mnemonic of the dev accounts (anvil's default: the well-known test mnemonic). */
  mnemonic?: string;
}

export interface AnvilHandle {
  rpcUrl: string;
  port: number;
  chainId: number;
  pid: number;
  /** Stops the process group and waits until it is gone. Idempotent. */
  stop(): Promise<void>;
}

export const DEFAULT_CHAIN_ID = 31337;
/** Ethereum, Base and Base Sepolia: receipts and payment authorizations signed there are real. */
const REFUSED_CHAIN_IDS: ReadonlySet<number> = new Set([1, 8453, 84532]);
const READY_TIMEOUT_MS = 15_000;
const READY_POLL_MS = 20;
const STOP_GRACE_MS = 3_000;
const PORT_ATTEMPTS = 3;

/** Starts a local anvil on 127.0.0.1 and resolves once it answers with the requested chain id. */
export async function startAnvil(options: StartAnvilOptions = {}): Promise<AnvilHandle> {
  const chainId = options.chainId ?? DEFAULT_CHAIN_ID;
  if (REFUSED_CHAIN_IDS.has(chainId)) {
    throw new MinerError('SANDBOX', `Refusing to start the sandbox chain with chain id ${chainId}.`, {
      details: 'Receipts and payment authorizations signed for the sandbox would be valid on that public network.',
      hint: `Use a private chain id such as ${DEFAULT_CHAIN_ID} (the default).`,
    });
  }
  const binary = resolveAnvilBinary();
  // A picked-free port can be taken before anvil binds it; only then is a retry useful.
  const attempts = options.port === undefined ? PORT_ATTEMPTS : 1;
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await findFreePort());
    try {
      return await launch(binary, port, chainId, options);
    } catch (error) {
      if (!(error instanceof PortInUseError) || attempt >= attempts) throw toSandboxError(error, port);
    }
  }
}

class PortInUseError extends Error {}

async function launch(binary: string, port: number, chainId: number, options: StartAnvilOptions): Promise<AnvilHandle> {
  const child = spawn(binary, anvilArguments(port, chainId, options), {
    detached: process.platform !== 'win32',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr = collectTail(child);
  // Only anvil's own "Listening on" line proves *this* process bound the port; an eth_chainId
  // answer alone could come from another node that already owned it.
  const listening = waitForListening(child, port);
  // 'close' (not 'exit') so stderr is fully read when we look for the bind error. A failed
  // spawn emits 'error' and maybe nothing else; either one means the process is gone.
  const exited = new Promise<void>((resolve) => {
    child.once('close', () => resolve());
    child.once('error', () => resolve());
  });
  const failed = new Promise<never>((_, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => reject(new Error(`anvil exited (${code ?? signal})`)));
  });
  failed.catch(() => undefined);
  const rpcUrl = `http://127.0.0.1:${port}`;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`anvil did not listen within ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS);
  });
  try {
    await Promise.race([listening, failed, timedOut]);
    const answered = await Promise.race([waitForChainId(rpcUrl, child), failed]);
    if (answered !== chainId) {
      throw new MinerError('SANDBOX', `Port ${port} answers with chain id ${answered}, not ${chainId}.`, {
        hint: 'Another node owns that port: stop it or start the sandbox on another port.',
      });
    }
  } catch (error) {
    killGroup(child, 'SIGKILL');
    await exited;
    if (/address already in use/i.test(stderr())) throw new PortInUseError(stderr());
    if (error instanceof MinerError) throw error;
    throw new MinerError('SANDBOX', 'anvil did not start.', {
      details: stderr().trim() || (error as Error).message,
      hint: 'Check the anvil options (state file path, mnemonic); run the binary by hand to see its output.',
      cause: error,
    });
  } finally {
    clearTimeout(timer);
  }
  // The chain must not keep this process alive: cleanup hooks stop it on exit.
  child.unref();
  (child.stdout as Socket | null)?.unref();
  (child.stderr as Socket | null)?.unref();
  return track(child, exited, { rpcUrl, port, chainId, pid: child.pid ?? 0 });
}

function anvilArguments(port: number, chainId: number, options: StartAnvilOptions): string[] {
  const args = ['--host', '127.0.0.1', '--port', String(port), '--chain-id', String(chainId)];
  if (options.blockTime !== undefined && options.blockTime > 0) args.push('--block-time', String(options.blockTime));
  if (options.stateFile !== undefined) args.push('--state', options.stateFile);
  if (options.accounts !== undefined) args.push('--accounts', String(options.accounts));
  if (options.mnemonic !== undefined) args.push('--mnemonic', options.mnemonic);
  return args;
}

/** Keeps the last few KB of stderr (anvil's bind and option errors) and drains the pipe. */
function collectTail(child: ChildProcess): () => string {
  let tail = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    tail = (tail + chunk).slice(-4096);
  });
  return () => tail;
}

/** Resolves when anvil prints that it listens on `port`; keeps draining stdout afterwards. */
function waitForListening(child: ChildProcess, port: number): Promise<void> {
  return new Promise((resolve) => {
    let seen = '';
    let done = false;
    const marker = new RegExp(`Listening on \\S*:${port}\\b`);
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      if (done) return;
      seen = (seen + chunk).slice(-1024);
      if (marker.test(seen)) {
        done = true;
        resolve();
      }
    });
  });
}

/** Asks `eth_chainId` until it answers (the socket may take a moment after the log line). */
async function waitForChainId(rpcUrl: string, child: ChildProcess): Promise<number> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (child.exitCode === null && child.signalCode === null) {
    const answer = await queryChainId(rpcUrl);
    if (answer !== undefined) return answer;
    if (Date.now() > deadline) throw new Error(`no answer on ${rpcUrl} within ${READY_TIMEOUT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, READY_POLL_MS));
  }
  throw new Error('anvil exited before answering');
}

async function queryChainId(rpcUrl: string): Promise<number | undefined> {
  try {
    const response = await fetch(rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
      signal: AbortSignal.timeout(1_000),
    });
    const body = (await response.json()) as { result?: string };
    return typeof body.result === 'string' ? Number.parseInt(body.result, 16) : undefined;
  } catch {
    return undefined;
  }
}

function toSandboxError(error: unknown, port: number): unknown {
  if (!(error instanceof PortInUseError)) return error;
  return new MinerError('SANDBOX', `anvil could not bind 127.0.0.1:${port}: the port is in use.`, {
    hint: 'Choose another --port, or omit it to use a free one.',
    cause: error,
  });
}

// ---- lifetime: every live anvil dies with this process ----

const live = new Set<ChildProcess>();
let cleanupRegistered = false;

function track(child: ChildProcess, exited: Promise<void>, info: Omit<AnvilHandle, 'stop'>): AnvilHandle {
  live.add(child);
  registerCleanup();
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        // SIGTERM lets anvil write its --state file; SIGKILL only if it hangs.
        killGroup(child, 'SIGTERM');
        const timer = setTimeout(() => killGroup(child, 'SIGKILL'), STOP_GRACE_MS);
        await exited;
        clearTimeout(timer);
      }
      live.delete(child);
    })();
    return stopping;
  };
  return { ...info, stop };
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    // detached: the child leads its own process group, so -pid reaches anything it spawned.
    if (process.platform === 'win32') child.kill(signal);
    else process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

function registerCleanup(): void {
  if (cleanupRegistered) return;
  cleanupRegistered = true;
  // SIGTERM, not SIGKILL: anvil still saves its --state file after this process is gone.
  const killAll = (): void => {
    for (const child of live) killGroup(child, 'SIGTERM');
    live.clear();
  };
  process.on('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    const onSignal = (): void => {
      killAll();
      // Adding a listener disables Node's default exit; restore it unless someone else handles the signal.
      if (process.listenerCount(signal) === 1) {
        process.removeListener(signal, onSignal);
        process.kill(process.pid, signal);
      }
    };
    process.on(signal, onSignal);
  }
}
