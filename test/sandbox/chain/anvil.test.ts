import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEther } from 'viem';
import { startAnvil, type AnvilHandle } from '../../../src/sandbox/chain/anvil.js';
import { createLocalPublicClient } from '../../../src/sandbox/chain/clients.js';
import { MinerError } from '../../../src/errors.js';

const started: AnvilHandle[] = [];
async function start(options: Parameters<typeof startAnvil>[0] = {}): Promise<AnvilHandle> {
  const handle = await startAnvil(options);
  started.push(handle);
  return handle;
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((handle) => handle.stop()));
});

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function rpc(url: string, method: string, params: unknown[] = []): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  return ((await response.json()) as { result: unknown }).result;
}

describe('startAnvil', () => {
  it('starts on 127.0.0.1 with the requested chain id, and stop() leaves no process behind', async () => {
    const anvil = await start({ chainId: 31338 });
    expect(anvil.rpcUrl).toBe(`http://127.0.0.1:${anvil.port}`);
    expect(await rpc(anvil.rpcUrl, 'eth_chainId')).toBe('0x7a6a');
    expect(isRunning(anvil.pid)).toBe(true);
    await anvil.stop();
    expect(() => process.kill(anvil.pid, 0)).toThrow();
    await anvil.stop(); // idempotent
  });

  it('runs two chains side by side on different free ports', async () => {
    const [a, b] = await Promise.all([start(), start()]);
    expect(a.port).not.toBe(b.port);
    expect(await rpc(a.rpcUrl, 'eth_chainId')).toBe('0x7a69');
    expect(await rpc(b.rpcUrl, 'eth_chainId')).toBe('0x7a69');
  });

  it('refuses chain id 8453 (Base): sandbox signatures would be valid on mainnet', async () => {
    const error = await startAnvil({ chainId: 8453 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MinerError);
    expect((error as MinerError).code).toBe('SANDBOX');
    expect((error as MinerError).shortMessage).toContain('8453');
  });

  it('reports a port already taken by another anvil', async () => {
    const first = await start();
    const error = await startAnvil({ port: first.port }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MinerError);
    expect((error as MinerError).shortMessage).toMatch(/in use/);
  });

  it('refuses a port where a foreign node answers with another chain id', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'anvil-test-'));
    // A stand-in binary that claims to listen but never binds, so the foreign server answers.
    // startAnvil passes `--host 127.0.0.1 --port <port>`, so $4 is the port.
    const fake = join(dir, 'anvil');
    await writeFile(fake, '#!/bin/sh\necho "Listening on 127.0.0.1:$4"\nexec sleep 30\n');
    await chmod(fake, 0o755);
    const foreign: Server = createServer((_, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ jsonrpc: '2.0', id: 1, result: '0x2105' }));
    });
    await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve));
    const port = (foreign.address() as { port: number }).port;
    const previous = process.env.ANVIL_PATH;
    process.env.ANVIL_PATH = fake;
    try {
      const error = await startAnvil({ port }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MinerError);
      expect((error as MinerError).shortMessage).toBe(`Port ${port} answers with chain id 8453, not 31337.`);
    } finally {
      if (previous === undefined) delete process.env.ANVIL_PATH;
      else process.env.ANVIL_PATH = previous;
      foreign.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('mines blocks on a timer with blockTime > 0', async () => {
    const anvil = await start({ blockTime: 1 });
    const client = createLocalPublicClient(anvil.rpcUrl, anvil.chainId);
    const first = await client.getBlockNumber();
    await new Promise<void>((resolve) => {
      const unwatch = client.watchBlockNumber({
        onBlockNumber: (n) => {
          if (n > first) {
            unwatch();
            resolve();
          }
        },
      });
    });
    expect(await client.getBlockNumber()).toBeGreaterThan(first);
  });

  it('persists the chain in stateFile across a stop and a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'anvil-state-'));
    const stateFile = join(dir, 'state.json');
    const address = '0x00000000000000000000000000000000000b0707';
    try {
      const first = await start({ stateFile });
      await rpc(first.rpcUrl, 'anvil_setBalance', [address, `0x${parseEther('7').toString(16)}`]);
      await first.stop();
      const second = await start({ stateFile });
      expect(BigInt((await rpc(second.rpcUrl, 'eth_getBalance', [address, 'latest'])) as string)).toBe(parseEther('7'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('derives its accounts from the given mnemonic and count', async () => {
    const anvil = await start({ accounts: 3, mnemonic: 'test test test test test test test test test test test junk' });
    const accounts = (await rpc(anvil.rpcUrl, 'eth_accounts')) as string[];
    expect(accounts).toHaveLength(3);
    expect(accounts[0]?.toLowerCase()).toBe('0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266');
  });
});
