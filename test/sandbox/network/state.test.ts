import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdtemp, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Address } from 'viem';
import { createLocalPublicClient } from '../../../src/sandbox/chain/clients.js';
import { sandboxMiningAbi } from '../../../src/sandbox/contracts/index.js';
import { startSandbox } from '../../../src/sandbox/network/index.js';

async function rpc(url: string, method: string): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params: [] }),
  });
  return ((await response.json()) as { result: unknown }).result;
}

describe('startSandbox with --state and Base-like blocks', () => {
  it('mines on a 2 s interval after setup, and a restart from the state file restores the same network', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'botcoin-sandbox-state-'));
    const stateFile = join(dir, 'chain-state.json');
    const first = await startSandbox({ dataDir: dir, stateFile, blockTime: 2, writeDescription: false });
    try {
      expect(first.description.chain.blockTime).toBe(2);
      expect(await rpc(first.description.chain.rpcUrl, 'anvil_getAutomine')).toBe(false);
    } finally {
      await first.stop();
    }
    expect(existsSync(stateFile)).toBe(true);
    expect((await stat(`${stateFile}.sandbox.json`)).mode & 0o777).toBe(0o600);

    const second = await startSandbox({ dataDir: dir, stateFile, writeDescription: false });
    try {
      const a = first.description;
      const b = second.description;
      expect(b.contracts).toEqual(a.contracts);
      expect(b.epoch).toEqual(a.epoch);
      expect(b.accounts).toEqual(a.accounts);
      expect(b.chain.blockTime).toBe(0);
      const client = createLocalPublicClient(b.chain.rpcUrl, b.chain.chainId);
      const eligible = await client.readContract({
        address: b.contracts.mining as Address,
        abi: sandboxMiningAbi,
        functionName: 'isEligible',
        args: [b.accounts.miner.address as Address],
      });
      expect(eligible).toBe(true);
      expect((await fetch(`${b.coordinator.url}/health`)).status).toBe(200);
    } finally {
      await second.stop();
    }
  });
});
