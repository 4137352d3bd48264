import { describe, it, expect, beforeEach } from 'vitest';
import { mkdtemp, readFile, stat, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWallet, importWallet, loadAccount, walletAddress, keystoreDir, PRIVATE_KEY_ENV } from '../../../src/chain/wallet/store.js';
import { PASSWORD_ENV } from '../../../src/chain/wallet/password.js';
import { MinerError } from '../../../src/errors.js';
import { scriptedTerminal } from './scripted-terminal.js';
import { containsSecret, unregisterSecret } from '../../../src/safety/secrets.js';
import { rejection } from '../../support/rejection.js';

/** anvil's third well-known development key: never holds real funds. */
const KEY = '0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a';
const ADDRESS = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const PASSWORD = 'store test password';
const FAST = { n: 1024, r: 8, p: 1 };
const NO_ENV: NodeJS.ProcessEnv = {};

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'botcoin-wallet-'));
});

function visible(error: MinerError): string {
  return [error.message, error.hint, error.details, JSON.stringify(error.toJSON())].join('\n').toLowerCase();
}

describe('createWallet / importWallet', () => {
  it('writes <data dir>/keystores/<address>.json with mode 0600 in a 0700 directory', async () => {
    const info = await createWallet(PASSWORD, { dataDir, scrypt: FAST });
    expect(info.keystore).toBe(join(dataDir, 'keystores', `${info.address.toLowerCase()}.json`));
    expect((await stat(info.keystore as string)).mode & 0o777).toBe(0o600);
    expect((await stat(keystoreDir(dataDir))).mode & 0o777).toBe(0o700);
    const file = JSON.parse(await readFile(info.keystore as string, 'utf8'));
    expect(`0x${file.address}`).toBe(info.address.toLowerCase());
  });

  it('imports a key that then loads back as the same account', async () => {
    const info = await importWallet(KEY, PASSWORD, { dataDir, scrypt: FAST });
    expect(info.address).toBe(ADDRESS);
    const loaded = await loadAccount({ dataDir, env: { [PASSWORD_ENV]: PASSWORD }, interactive: false });
    expect(loaded.address).toBe(ADDRESS);
    expect(loaded.source).toBe('keystore');
    expect(loaded.keystore).toBe(info.keystore);
  });

  it('writes to an explicit path and refuses to overwrite an existing keystore', async () => {
    const path = join(dataDir, 'custom', 'mine.json');
    const info = await importWallet(KEY, PASSWORD, { path, scrypt: FAST });
    expect(info.keystore).toBe(path);
    const before = await readFile(path, 'utf8');
    const error = await rejection(createWallet(PASSWORD, { path, scrypt: FAST }));
    expect(error.code).toBe('WALLET');
    expect(error.shortMessage).toContain('already exists');
    expect(await readFile(path, 'utf8')).toBe(before);
  });

  it('rejects malformed, zero and out-of-range keys without echoing them', async () => {
    const bad = [
      KEY.slice(2), // no 0x
      `${KEY}00`, // too long
      `0x${'0'.repeat(64)}`, // zero
      `0x${'f'.repeat(64)}`, // above the curve order
      '0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141', // exactly the order
    ];
    for (const key of bad) {
      const error = await rejection(importWallet(key, PASSWORD, { dataDir, scrypt: FAST }));
      expect(error.code).toBe('WALLET');
      expect(visible(error)).not.toContain(key.replace(/^0x/, '').slice(0, 40));
    }
  });
});

describe('loadAccount', () => {
  it(`prefers ${PRIVATE_KEY_ENV} (the automation path) over any keystore`, async () => {
    await createWallet(PASSWORD, { dataDir, scrypt: FAST });
    const loaded = await loadAccount({ dataDir, env: { [PRIVATE_KEY_ENV]: KEY }, interactive: false });
    expect(loaded).toMatchObject({ address: ADDRESS, keystore: null, source: 'env' });
    const signature = await loaded.account.signMessage({ message: 'Botcoin Auth' });
    expect(signature).toMatch(/^0x[0-9a-f]{130}$/);
  });

  it(`names ${PRIVATE_KEY_ENV} when its value is not a key, without echoing it`, async () => {
    const error = await rejection(loadAccount({ dataDir, env: { [PRIVATE_KEY_ENV]: KEY.slice(0, 50) }, interactive: false }));
    expect(error.shortMessage).toContain(PRIVATE_KEY_ENV);
    expect(visible(error)).not.toContain(KEY.slice(2, 40));
  });

  it(`tells which env var to set when there is no password and no terminal`, async () => {
    await importWallet(KEY, PASSWORD, { dataDir, scrypt: FAST });
    const error = await rejection(loadAccount({ dataDir, env: NO_ENV, interactive: false }));
    expect(error.code).toBe('WALLET');
    expect(error.shortMessage).toContain(PASSWORD_ENV);
    expect(error.hint).toContain(PASSWORD_ENV);
  });

  it('reports a wrong password naming the keystore file', async () => {
    const info = await importWallet(KEY, PASSWORD, { dataDir, scrypt: FAST });
    const error = await rejection(loadAccount({ dataDir, env: { [PASSWORD_ENV]: 'nope' }, interactive: false }));
    expect(error.shortMessage).toBe(`Wrong password for keystore ${info.keystore}`);
  });

  it('reads the password from a hidden prompt when interactive', async () => {
    await importWallet(KEY, PASSWORD, { dataDir, scrypt: FAST });
    const io = scriptedTerminal([['Password for keystore', PASSWORD]]);
    const loaded = await loadAccount({ dataDir, env: NO_ENV, interactive: true, io });
    expect(loaded.address).toBe(ADDRESS);
    expect(io.shown()).not.toContain(PASSWORD);
  });

  it('asks which keystore to use when several exist, and what to do when none does', async () => {
    const none = await rejection(loadAccount({ dataDir, env: NO_ENV, interactive: false }));
    expect(none.shortMessage).toContain('No wallet found');
    expect(none.hint).toContain('wallet new');
    await createWallet(PASSWORD, { dataDir, scrypt: FAST });
    await createWallet(PASSWORD, { dataDir, scrypt: FAST });
    const several = await rejection(walletAddress({ dataDir, env: NO_ENV }));
    expect(several.shortMessage).toContain('Several keystores');
    expect(several.hint).toContain('--keystore');
  });
});

describe('secret registry', () => {
  it('registers a loaded key so logs and the ledger redact it', async () => {
    unregisterSecret(KEY);
    await importWallet(KEY, PASSWORD, { dataDir, scrypt: FAST });
    unregisterSecret(KEY);
    expect(containsSecret(`key ${KEY.toUpperCase()}`)).toBe(false);
    await loadAccount({ dataDir, env: { [PASSWORD_ENV]: PASSWORD }, interactive: false });
    expect(containsSecret(`key ${KEY.toUpperCase()}`)).toBe(true);
    unregisterSecret(KEY);
    await loadAccount({ dataDir, env: { [PRIVATE_KEY_ENV]: KEY }, interactive: false });
    expect(containsSecret(KEY)).toBe(true);
  });
});

describe('walletAddress', () => {
  it('reads the address field without a password', async () => {
    const info = await importWallet(KEY, PASSWORD, { dataDir, scrypt: FAST });
    expect(await walletAddress({ dataDir, env: NO_ENV })).toEqual({ address: ADDRESS, keystore: info.keystore, source: 'keystore' });
    expect(await walletAddress({ keystore: info.keystore as string, env: NO_ENV })).toMatchObject({ address: ADDRESS });
  });

  it('explains a keystore without an address field', async () => {
    await mkdir(keystoreDir(dataDir), { recursive: true });
    const path = join(keystoreDir(dataDir), 'odd.json');
    await writeFile(path, JSON.stringify({ version: 3, crypto: {} }));
    const error = await rejection(walletAddress({ dataDir, env: NO_ENV }));
    expect(error.shortMessage).toBe(`The keystore ${path} is unreadable: missing field "address".`);
  });
});
