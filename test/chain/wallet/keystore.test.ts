import { describe, it, expect } from 'vitest';
import { decryptKeystore, encryptKeystore, DEFAULT_SCRYPT } from '../../../src/chain/wallet/keystore.js';
import { MinerError } from '../../../src/errors.js';
import { rejection } from '../../support/rejection.js';

/**
 * The published test vectors of the Web3 Secret Storage Definition (ethereum.org), password
 * "testpassword". Note the scrypt vector's unusual r=1, p=8: decryption must honour the file's params.
 */
const VECTOR_PASSWORD = 'testpassword';
const VECTOR_KEY = '0x7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9d';
const PBKDF2_VECTOR = {
  crypto: {
    cipher: 'aes-128-ctr',
    cipherparams: { iv: '6087dab2f9fdbbfaddc31a909735c1e6' },
    ciphertext: '5318b4d5bcd28de64ee5559e671353e16f075ecae9f99c7a79a38af5f869aa46',
    kdf: 'pbkdf2',
    kdfparams: { c: 262144, dklen: 32, prf: 'hmac-sha256', salt: 'ae3cd4e7013836a3df6bd7241b12db061dbe2c6785853cce422d148a624ce0bd' },
    mac: '517ead924a9d0dc3124507e3393d175ce3ff7c1e96529c6c555ce9e51205e9b2',
  },
  id: '3198bc9c-6672-5ab3-d995-4942343ae5b6',
  version: 3,
};
const SCRYPT_VECTOR = {
  crypto: {
    cipher: 'aes-128-ctr',
    cipherparams: { iv: '83dbcc02d8ccb40e466191a123791e0e' },
    ciphertext: 'd172bf743a674da9cdad04534d56926ef8358534d458fffccd4e6ad2fbde479c',
    kdf: 'scrypt',
    kdfparams: { dklen: 32, n: 262144, p: 8, r: 1, salt: 'ab0c7876052600dd703518d6fc3fe8984592145b591fc8fb5c6d43190334ba19' },
    mac: '2103ac29920d71da29f15d75b4a16dbe95cfd7ff8faea1056c33131d846e3097',
  },
  id: '3198bc9c-6672-5ab3-d995-4942343ae5b6',
  version: 3,
};

const FAST = { n: 1024, r: 8, p: 1 };
/** anvil's first well-known development key: never holds real funds. */
const KEY = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80' as const;
const PASSWORD = 'correct horse battery staple';

/** Everything a user or a log could see of an error. */
function visible(error: MinerError): string {
  return [error.message, error.shortMessage, error.hint, error.details, JSON.stringify(error.toJSON())].join('\n').toLowerCase();
}

describe('published Web3 Secret Storage vectors', () => {
  it('decrypts the pbkdf2 vector', async () => {
    expect(await decryptKeystore(PBKDF2_VECTOR, VECTOR_PASSWORD)).toBe(VECTOR_KEY);
  });

  it('decrypts the scrypt vector (r=1, p=8 taken from the file)', async () => {
    expect(await decryptKeystore(JSON.stringify(SCRYPT_VECTOR), VECTOR_PASSWORD)).toBe(VECTOR_KEY);
  });

  it('reproduces the scrypt vector ciphertext and mac from its key, salt and iv', async () => {
    const { kdfparams, cipherparams } = SCRYPT_VECTOR.crypto;
    const keystore = await encryptKeystore(VECTOR_KEY, VECTOR_PASSWORD, {
      scrypt: { n: kdfparams.n, r: kdfparams.r, p: kdfparams.p },
      salt: Buffer.from(kdfparams.salt, 'hex'),
      iv: Buffer.from(cipherparams.iv, 'hex'),
    });
    expect(keystore.crypto.ciphertext).toBe(SCRYPT_VECTOR.crypto.ciphertext);
    expect(keystore.crypto.mac).toBe(SCRYPT_VECTOR.crypto.mac);
    expect(keystore.address).toBe('008aeeda4d805471df9b2a5b0f38a0c3bcba786b');
  });
});

describe('encryptKeystore', () => {
  it('writes the v3 shape geth and cast read: lower-case address without 0x, uuid v4 id, scrypt + aes-128-ctr', async () => {
    const keystore = await encryptKeystore(KEY, PASSWORD, { scrypt: FAST });
    expect(keystore.version).toBe(3);
    expect(keystore.address).toBe('f39fd6e51aad88f6f4ce6ab8827279cfffb92266');
    expect(keystore.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(keystore.crypto).toMatchObject({ cipher: 'aes-128-ctr', kdf: 'scrypt', kdfparams: { n: 1024, r: 8, p: 1, dklen: 32 } });
    expect(keystore.crypto.kdfparams.salt).toMatch(/^[0-9a-f]{64}$/);
    expect(keystore.crypto.cipherparams.iv).toMatch(/^[0-9a-f]{32}$/);
    expect(keystore.crypto.mac).toMatch(/^[0-9a-f]{64}$/);
  });

  it('round-trips with small scrypt parameters, with fresh salt and iv each time', async () => {
    const a = await encryptKeystore(KEY, PASSWORD, { scrypt: FAST });
    const b = await encryptKeystore(KEY, PASSWORD, { scrypt: FAST });
    expect(a.crypto.kdfparams.salt).not.toBe(b.crypto.kdfparams.salt);
    expect(a.crypto.ciphertext).not.toBe(b.crypto.ciphertext);
    expect(await decryptKeystore(a, PASSWORD)).toBe(KEY);
    expect(await decryptKeystore(JSON.stringify(b), PASSWORD)).toBe(KEY);
  });

  it('uses geth standard scrypt parameters by default and round-trips them', async () => {
    const keystore = await encryptKeystore(KEY, 'pässwörd ✓');
    expect(keystore.crypto.kdfparams).toMatchObject(DEFAULT_SCRYPT);
    expect(await decryptKeystore(keystore, 'pässwörd ✓')).toBe(KEY);
  });
});

describe('decryptKeystore errors', () => {
  it('reports a wrong password as WALLET "Wrong password for keystore <path>" with a hint', async () => {
    const keystore = await encryptKeystore(KEY, PASSWORD, { scrypt: FAST });
    const error = await rejection(decryptKeystore(keystore, 'not the password', '/tmp/k.json'));
    expect(error.code).toBe('WALLET');
    expect(error.shortMessage).toBe('Wrong password for keystore /tmp/k.json');
    expect(error.hint).toContain('BOTCOIN_KEYSTORE_PASSWORD');
  });

  it('rejects a tampered mac the same way (the file no longer authenticates)', async () => {
    const keystore = await encryptKeystore(KEY, PASSWORD, { scrypt: FAST });
    const flipped = (keystore.crypto.mac[0] === '0' ? '1' : '0') + keystore.crypto.mac.slice(1);
    const error = await rejection(decryptKeystore({ ...keystore, crypto: { ...keystore.crypto, mac: flipped } }, PASSWORD, 'k.json'));
    expect(error.shortMessage).toBe('Wrong password for keystore k.json');
  });

  it('names each kind of corruption', async () => {
    const good = await encryptKeystore(KEY, PASSWORD, { scrypt: FAST });
    const text = JSON.stringify(good);
    const cases: Array<[unknown, RegExp]> = [
      [text.slice(0, text.length / 2), /not valid JSON/],
      [{ ...good, version: 4 }, /unsupported version 4/],
      [{ ...good, crypto: { ...good.crypto, cipher: 'aes-128-cbc' } }, /unsupported cipher "aes-128-cbc"/],
      [{ ...good, crypto: { ...good.crypto, kdf: 'argon2id' } }, /unsupported kdf "argon2id"/],
      [{ ...good, crypto: { ...good.crypto, kdf: 'pbkdf2', kdfparams: { c: 2, dklen: 32, prf: 'hmac-sha512', salt: 'aa' } } }, /unsupported pbkdf2 prf "hmac-sha512"/],
      [{ version: 3, id: good.id }, /missing field "crypto"/],
      [{ ...good, crypto: { ...good.crypto, cipherparams: {} } }, /missing field "crypto.cipherparams.iv"/],
      [{ ...good, crypto: { ...good.crypto, ciphertext: 'zz' } }, /"crypto.ciphertext" is not hex/],
      [{ ...good, crypto: { ...good.crypto, kdfparams: { ...good.crypto.kdfparams, n: 1000 } } }, /power of two/],
      [{ ...good, crypto: { ...good.crypto, kdfparams: { ...good.crypto.kdfparams, dklen: 16 } } }, /dklen is 16/],
      [{ ...good, address: '00000000000000000000000000000000000000aa' }, /does not match the encrypted key/],
    ];
    for (const [input, pattern] of cases) {
      const error = await rejection(decryptKeystore(input, PASSWORD, 'bad.json'));
      expect(error.code).toBe('WALLET');
      expect(error.shortMessage).toMatch(/^The keystore bad\.json is unreadable: /);
      expect(error.shortMessage).toMatch(pattern);
    }
  });

  it('accepts geth\'s capitalised "Crypto" and a missing address', async () => {
    const { crypto, address: _address, ...rest } = await encryptKeystore(KEY, PASSWORD, { scrypt: FAST });
    expect(await decryptKeystore({ ...rest, Crypto: crypto }, PASSWORD)).toBe(KEY);
  });

  it('never shows the key or the password in any error', async () => {
    const good = await encryptKeystore(KEY, PASSWORD, { scrypt: FAST });
    const errors = [
      await rejection(decryptKeystore(good, 'wrong', 'k.json')),
      await rejection(decryptKeystore({ ...good, address: '00000000000000000000000000000000000000aa' }, PASSWORD, 'k.json')),
      await rejection(encryptKeystore(`${KEY.slice(0, -1)}g` as `0x${string}`, PASSWORD)),
    ];
    for (const error of errors) {
      const text = visible(error);
      expect(text).not.toContain(KEY.slice(2, 40));
      expect(text).not.toContain(PASSWORD);
    }
  });
});
