import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { mkdtemp, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerWallet } from '../../../src/cli/commands/wallet.js';
import { decryptKeystore } from '../../../src/chain/wallet/keystore.js';
import { readFile } from 'node:fs/promises';
import { runCli } from './capture-cli.js';

/** anvil's fourth well-known development key: never holds real funds. */
const KEY = '0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6';
const ADDRESS = '0x90F79bf6EB2c4f870365E785982E1f101E93b906';
const PASSWORD = 'cli test password';
const wallet = { name: 'wallet', add: registerWallet };

const saved = { ...process.env };
let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'botcoin-cli-wallet-'));
  process.env.BOTCOIN_DATA_DIR = dataDir;
  process.env.BOTCOIN_CONFIG_DIR = join(dataDir, 'config');
  process.env.BOTCOIN_KEYSTORE_PASSWORD = PASSWORD;
  delete process.env.BOTCOIN_PRIVATE_KEY;
  delete process.env.BOTCOIN_KEYSTORE;
});
afterEach(() => {
  process.env = { ...saved };
});

describe('botcoin-miner wallet', () => {
  it('import --private-key-env writes a keystore and prints {address, keystore} with --json', async () => {
    process.env.MY_KEY = KEY;
    const result = await runCli(['--json', 'wallet', 'import', '--private-key-env', 'MY_KEY'], wallet);
    expect(result.exitCode).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json).toEqual({ address: ADDRESS, keystore: join(dataDir, 'keystores', `${ADDRESS.toLowerCase()}.json`) });
    expect((await stat(json.keystore)).mode & 0o777).toBe(0o600);
    expect(await decryptKeystore(await readFile(json.keystore, 'utf8'), PASSWORD)).toBe(KEY);
    expect(result.stdout + result.stderr).not.toContain(KEY.slice(2));
  });

  it('address reads the keystore without the password, from --keystore or the data dir', async () => {
    process.env.MY_KEY = KEY;
    const path = join(dataDir, 'elsewhere.json');
    await runCli(['--json', 'wallet', 'import', '--keystore', path, '--private-key-env', 'MY_KEY'], wallet);
    delete process.env.BOTCOIN_KEYSTORE_PASSWORD;
    const explicit = await runCli(['--json', 'wallet', 'address', '--keystore', path], wallet);
    expect(JSON.parse(explicit.stdout)).toEqual({ address: ADDRESS, keystore: path });
    process.env.BOTCOIN_KEYSTORE = path;
    const fromEnv = await runCli(['wallet', 'address'], wallet);
    expect(fromEnv.stdout).toContain(ADDRESS);
  });

  it('new creates a fresh wallet that address then reports', async () => {
    const created = JSON.parse((await runCli(['--json', 'wallet', 'new'], wallet)).stdout);
    expect(created.address).toMatch(/^0x[0-9a-fA-F]{40}$/);
    const shown = JSON.parse((await runCli(['--json', 'wallet', 'address'], wallet)).stdout);
    expect(shown).toEqual(created);
  });

  it('refuses to import without a terminal or --private-key-env, as a JSON error with exit code 2', async () => {
    const result = await runCli(['--json', 'wallet', 'import'], wallet);
    expect(result.exitCode).toBe(2);
    const { error } = JSON.parse(result.stdout);
    expect(error.code).toBe('WALLET');
    expect(error.hint).toContain('--private-key-env');
  });

  it('names the missing env var when --private-key-env points at nothing', async () => {
    const result = await runCli(['--json', 'wallet', 'import', '--private-key-env', 'NOT_SET_ANYWHERE'], wallet);
    expect(JSON.parse(result.stdout).error.message).toContain('NOT_SET_ANYWHERE');
  });
});
