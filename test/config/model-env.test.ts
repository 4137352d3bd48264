import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { modelEnvPath, readModelEnv, withModelEnv, writeModelEnv } from '../../src/config/model-env.js';
import { containsSecret } from '../../src/safety/secrets.js';

describe('model.env (the model key file init writes)', () => {
  it('is written 0600 under the config dir and read back, registering the key as a secret', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'botcoin-model-env-'));
    const path = modelEnvPath({ BOTCOIN_CONFIG_DIR: dir });
    expect(path).toBe(join(dir, 'model.env'));
    await writeModelEnv('sk-file-key-000111', path);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(readModelEnv(path)).toEqual({ BOTCOIN_MODEL_API_KEY: 'sk-file-key-000111' });
    expect(containsSecret('log line with sk-file-key-000111')).toBe(true);
    // Rewriting replaces the key.
    await writeModelEnv('sk-file-key-000222', path);
    expect(await readFile(path, 'utf8')).not.toContain('000111');
  });

  it('sits under the real environment: an exported variable wins; only model key variables are read', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'botcoin-model-env-'));
    await writeFile(join(dir, 'model.env'), 'export OPENAI_API_KEY="sk-quoted-key-333"\nBOTCOIN_MODEL_API_KEY=sk-file-key-444\nBASE_RPC_URL=http://evil.example\n# comment\n', { mode: 0o600 });
    const env = withModelEnv({ BOTCOIN_CONFIG_DIR: dir, BOTCOIN_MODEL_API_KEY: 'sk-exported-555' });
    expect(env.BOTCOIN_MODEL_API_KEY).toBe('sk-exported-555');
    expect(env.OPENAI_API_KEY).toBe('sk-quoted-key-333');
    expect(env.BASE_RPC_URL).toBeUndefined();
    expect(withModelEnv({ BOTCOIN_CONFIG_DIR: dir, BOTCOIN_MODEL_API_KEY: '' }).BOTCOIN_MODEL_API_KEY).toBe('sk-file-key-444');
    expect(withModelEnv({ BOTCOIN_CONFIG_DIR: join(dir, 'none') })).toEqual({ BOTCOIN_CONFIG_DIR: join(dir, 'none') });
  });

  it('refuses an empty or multi-line key', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'botcoin-model-env-')), 'model.env');
    await expect(writeModelEnv('  ', path)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(writeModelEnv('sk-a\nBASE_RPC_URL=x', path)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});
