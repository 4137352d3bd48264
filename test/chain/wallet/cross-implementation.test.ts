import { describe, it, expect } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { Wallet, encryptKeystoreJson } from 'ethers';
import { decryptKeystore, encryptKeystore } from '../../../src/chain/wallet/keystore.js';

/** anvil's second well-known development key: never holds real funds. */
const KEY = '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d' as const;
const ADDRESS = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const PASSWORD = 'cross-check password';
const FAST = { n: 1024, r: 8, p: 1 };

/** A Foundry `cast` binary on PATH or from an @foundry-rs/cast-* package, if any. */
function findCast(): string | undefined {
  const packaged = join('node_modules', '@foundry-rs', `cast-${process.platform}-${process.arch === 'x64' ? 'amd64' : process.arch}`, 'bin', 'cast');
  if (existsSync(packaged)) return packaged;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, 'cast'))) return join(dir, 'cast');
  }
  return undefined;
}
const cast = findCast();

describe('keystores interoperate with other implementations', () => {
  it('ethers decrypts a keystore we wrote', async () => {
    const keystore = await encryptKeystore(KEY, PASSWORD, { scrypt: FAST });
    const wallet = await Wallet.fromEncryptedJson(JSON.stringify(keystore), PASSWORD);
    expect(wallet.privateKey).toBe(KEY);
    expect(wallet.address).toBe(ADDRESS);
  });

  it('ethers decrypts a keystore we wrote with default parameters', async () => {
    const keystore = await encryptKeystore(KEY, PASSWORD);
    const wallet = await Wallet.fromEncryptedJson(JSON.stringify(keystore), PASSWORD);
    expect(wallet.privateKey).toBe(KEY);
  });

  it('we decrypt a keystore ethers wrote', async () => {
    const json = await encryptKeystoreJson({ address: ADDRESS, privateKey: KEY }, PASSWORD, { scrypt: { N: 1024, r: 8, p: 1 } });
    expect(await decryptKeystore(json, PASSWORD, 'ethers.json')).toBe(KEY);
  });

  // Skipped only when no cast binary exists on this machine (neither on PATH nor node_modules/@foundry-rs/cast-*).
  it.skipIf(!cast)(`cast wallet address reads a keystore we wrote${cast ? '' : ' (skipped: no cast binary found)'}`, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'botcoin-cast-'));
    const file = join(dir, 'keystore.json');
    await writeFile(file, JSON.stringify(await encryptKeystore(KEY, PASSWORD, { scrypt: FAST })));
    const { stdout } = await promisify(execFile)(cast as string, ['wallet', 'address', '--keystore', file, '--password', PASSWORD]);
    expect(stdout.trim()).toBe(ADDRESS);
  });
});
