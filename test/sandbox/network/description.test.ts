import { describe, expect, it } from 'vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSandboxDescription, sandboxPaths } from '../../../src/sandbox/network/index.js';
import { writeSandboxDescription } from '../../../src/sandbox/network/description.js';
import { deadNetwork } from './dead-network.js';

describe('readSandboxDescription', () => {
  it('names the invalid field of a damaged description', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'botcoin-desc-'));
    const description = await deadNetwork(process.pid);
    await writeSandboxDescription(sandboxPaths(dataDir).description, description);
    await writeFile(sandboxPaths(dataDir).description, JSON.stringify({ ...description, chain: { ...description.chain, chainId: 'x' } }));
    const error = await readSandboxDescription(dataDir).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/not valid/);
    expect((error as Error).message).toContain('chain.chainId');
  });
});
