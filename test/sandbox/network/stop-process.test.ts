import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sandboxPaths, stopSandboxProcess } from '../../../src/sandbox/network/index.js';
import { writeSandboxDescription } from '../../../src/sandbox/network/description.js';
import { deadNetwork } from './dead-network.js';

describe('stopSandboxProcess (sandbox down)', () => {
  it('with no description reports that nothing runs', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'botcoin-down-'));
    expect(await stopSandboxProcess(dataDir)).toEqual({ stopped: false, pid: null, forced: false, note: 'No sandbox is running.' });
  });

  it('removes the description of a sandbox whose process is gone', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'botcoin-down-'));
    const exited = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    await writeSandboxDescription(sandboxPaths(dataDir).description, await deadNetwork(Number(exited.stdout)));
    const result = await stopSandboxProcess(dataDir);
    expect(result.stopped).toBe(false);
    expect(result.note).toMatch(/no longer running/);
    expect(existsSync(sandboxPaths(dataDir).description)).toBe(false);
  });

  it('never signals a live pid that serves no sandbox (a reused pid): it only drops the stale file', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'botcoin-down-'));
    // This test process stands in for an unrelated process that got the dead sandbox's pid.
    await writeSandboxDescription(sandboxPaths(dataDir).description, await deadNetwork(process.pid));
    const result = await stopSandboxProcess(dataDir, 500);
    expect(result).toMatchObject({ stopped: false, pid: process.pid });
    expect(result.note).toMatch(/not signalled/);
    expect(existsSync(sandboxPaths(dataDir).description)).toBe(false);
  });
});
