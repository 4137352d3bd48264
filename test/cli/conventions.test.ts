import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, isolatedHome, repoRoot } from '../support/cli.js';
import { VERSION } from '../../src/version.js';

describe('CLI conventions (spec/miner.md §2)', () => {
  it('reports the package version', async () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
    const result = await runCli(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(pkg.version);
  });

  it('exits 2 on an unknown command, and with --json prints one JSON error document on stdout', async () => {
    const plain = await runCli(['frobnicate']);
    expect(plain.code).toBe(2);
    expect(plain.stdout).toBe('');
    expect(plain.stderr).toMatch(/unknown command/);

    const json = await runCli(['--json', 'frobnicate']);
    expect(json.code).toBe(2);
    const doc = JSON.parse(json.stdout) as { error: { code: string; message: string; hint: string } };
    expect(doc.error.code).toBe('BAD_USAGE');
    expect(doc.error.message).toMatch(/frobnicate/);
    expect(doc.error.hint).toMatch(/--help/);
    expect(json.stderr).toBe('');
  });

  it('names a missing file and exits 2 with a hint', async () => {
    const result = await runCli(['--json', 'check', 'no-such-challenge.json', 'no-such-solution.json']);
    expect(result.code).toBe(2);
    const doc = JSON.parse(result.stdout) as { error: { code: string; message: string; hint: string } };
    expect(doc.error.code).toBe('FILE_NOT_FOUND');
    expect(doc.error.message).toContain('no-such-challenge.json');
    expect(doc.error.hint).toBeTruthy();
  });

  it('resolves settings with flag > environment > profile > default', async () => {
    const home = isolatedHome();
    const get = async (extra: string[], env: Record<string, string> = {}) => {
      const result = await runCli(['--json', ...extra, 'config', 'get', 'coordinator'], { env: { ...home, ...env } });
      expect(result.code).toBe(0);
      return JSON.parse(result.stdout) as { value: string; source: string };
    };
    expect(await get([])).toMatchObject({ value: 'https://coordinator.agentmoney.net', source: 'default' });

    const set = await runCli(['config', 'set', 'coordinator', 'http://127.0.0.1:9999'], { env: home });
    expect(set.code).toBe(0);
    expect(await get([])).toMatchObject({ value: 'http://127.0.0.1:9999', source: 'profile' });
    expect(await get([], { COORDINATOR_URL: 'http://127.0.0.1:8888' })).toMatchObject({ value: 'http://127.0.0.1:8888', source: 'env' });
    expect(await get(['--coordinator', 'http://127.0.0.1:7777'], { COORDINATOR_URL: 'http://127.0.0.1:8888' })).toMatchObject({
      value: 'http://127.0.0.1:7777',
      source: 'flag',
    });
    // Profiles are separate namespaces.
    expect(await get(['--profile', 'other'])).toMatchObject({ source: 'default' });
  });

  it('refuses an unknown config key with the list of known keys', async () => {
    const result = await runCli(['--json', 'config', 'set', 'colour', 'blue'], { env: isolatedHome() });
    expect(result.code).toBe(2);
    const doc = JSON.parse(result.stdout) as { error: { code: string; hint: string } };
    expect(doc.error.code).toBe('CONFIG');
    expect(doc.error.hint).toContain('coordinator');
  });

  it('never prints a secret setting, and refuses to store one in the profile', async () => {
    const home = isolatedHome();
    const secret = '0x' + 'ab'.repeat(32);
    const list = await runCli(['--json', 'config', 'list'], { env: { ...home, BOTCOIN_PRIVATE_KEY: secret, BOTCOIN_MODEL_API_KEY: 'sk-test-123' } });
    expect(list.code).toBe(0);
    expect(list.stdout).not.toContain(secret);
    expect(list.stdout).not.toContain('sk-test-123');
    const doc = JSON.parse(list.stdout) as { settings: Array<{ key: string; value: string | null; source: string | null }> };
    expect(doc.settings.find((s) => s.key === 'privateKey')).toMatchObject({ value: '(set)', source: 'env' });

    const store = await runCli(['--json', 'config', 'set', 'modelApiKey', 'sk-test-123'], { env: home });
    expect(store.code).toBe(2);
    expect(store.stdout).not.toContain('sk-test-123');
  });
});
