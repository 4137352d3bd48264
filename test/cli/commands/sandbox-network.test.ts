import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isolatedHome, repoRoot, runCli } from '../../support/cli.js';
import { isProcessAlive, sandboxDescriptionSchema, sandboxPaths } from '../../../src/sandbox/network/index.js';

async function waitFor(condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('botcoin-miner sandbox up|status|down', () => {
  it('up --detach, status --json (live), down: every process is gone afterwards', async () => {
    const env = isolatedHome();
    const paths = sandboxPaths(env.BOTCOIN_DATA_DIR);
    const up = await runCli(['--json', 'sandbox', 'up', '--detach', '--epoch-seconds', '120'], { env });
    expect(up.code).toBe(0);
    const description = sandboxDescriptionSchema.parse(JSON.parse(up.stdout));
    expect(up.stderr).toContain(description.coordinator.url);
    expect(up.stderr).toContain('tests and demos only');
    const anvilPid = Number((await readFile(paths.anvilPid, 'utf8')).trim());
    try {
      expect(isProcessAlive(description.pid)).toBe(true);
      expect(isProcessAlive(anvilPid)).toBe(true);

      const status = await runCli(['--json', 'sandbox', 'status'], { env });
      expect(status.code).toBe(0);
      const parsed = JSON.parse(status.stdout);
      expect(parsed.live).toEqual({ process: true, rpc: true, chainId: 31337, coordinator: true, epoch: expect.stringMatching(/^\d+$/) });
      expect(sandboxDescriptionSchema.parse(parsed)).toEqual(description);

      const human = await runCli(['sandbox', 'status'], { env });
      expect(human.code).toBe(0);
      expect(human.stdout).toContain(description.accounts.miner.address);
      for (const account of Object.values(description.accounts)) expect(human.stdout + human.stderr).not.toContain(account.privateKey.slice(2));

      const again = await runCli(['sandbox', 'up', '--detach'], { env });
      expect(again.code).toBe(3);
      expect(again.stderr).toMatch(/already running/);
    } finally {
      const down = await runCli(['sandbox', 'down'], { env });
      expect(down.code).toBe(0);
      expect(down.stdout).toContain(`Stopped the sandbox (pid ${description.pid})`);
    }
    expect(isProcessAlive(description.pid)).toBe(false);
    expect(isProcessAlive(anvilPid)).toBe(false);
    expect(existsSync(paths.description)).toBe(false);

    const status = await runCli(['sandbox', 'status'], { env });
    expect(status.code).toBe(3);
    expect(status.stderr).toContain('No sandbox is running');
    const downAgain = await runCli(['sandbox', 'down'], { env });
    expect(downAgain.code).toBe(0);
    expect(downAgain.stdout).toContain('No sandbox is running');
  });

  it('a foreground up stopped with SIGINT cleans up: anvil gone, description removed, exit 0', async () => {
    const env = isolatedHome();
    const paths = sandboxPaths(env.BOTCOIN_DATA_DIR);
    const child = spawn(process.execPath, [join(repoRoot, 'bin', 'botcoin-miner.js'), 'sandbox', 'up'], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      await waitFor(() => existsSync(paths.anvilPid) && stderr.includes('Press Ctrl-C'));
      const anvilPid = Number((await readFile(paths.anvilPid, 'utf8')).trim());
      expect(isProcessAlive(anvilPid)).toBe(true);
      child.kill('SIGINT');
      expect(await exited).toBe(0);
      expect(isProcessAlive(anvilPid)).toBe(false);
      expect(existsSync(paths.description)).toBe(false);
      expect(stderr).toContain('Sandbox stopped.');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('rejects a block time other than 0 or 2 as bad usage', async () => {
    const result = await runCli(['sandbox', 'up', '--block-time', '5'], { env: isolatedHome() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--block-time');
  });
});
