import { MinerError } from '../../errors.js';

/**
 * The Web3 Secret Storage v3 file (geth, Foundry `cast wallet`, ethers all read and write it).
 * Reading is strict about what decryption needs and tolerant of the rest (geth's older capitalised
 * `Crypto`, a missing `address`, non-v4 ids in the published test vectors).
 */
export interface ScryptKdfParams {
  n: number;
  r: number;
  p: number;
  dklen: number;
  salt: string;
}

export interface Pbkdf2KdfParams {
  c: number;
  dklen: number;
  prf: 'hmac-sha256';
  salt: string;
}

export interface KeystoreCrypto {
  cipher: 'aes-128-ctr';
  cipherparams: { iv: string };
  ciphertext: string;
  kdf: 'scrypt' | 'pbkdf2';
  kdfparams: ScryptKdfParams | Pbkdf2KdfParams;
  mac: string;
}

export interface KeystoreV3 {
  version: 3;
  id: string;
  /** Lower-case hex, no 0x (as geth writes it). */
  address: string;
  crypto: KeystoreCrypto;
}

/** What decryption needs, with hex fields already decoded. */
export type ParsedKeystore = {
  address: string | undefined;
  iv: Uint8Array;
  ciphertext: Uint8Array;
  mac: Uint8Array;
} & (
  | { kdf: 'scrypt'; params: { n: number; r: number; p: number; dklen: number; salt: Uint8Array } }
  | { kdf: 'pbkdf2'; params: { c: number; dklen: number; salt: Uint8Array } }
);

/** Validates a keystore (text or parsed JSON); every failure names the field and the file. */
export function parseKeystore(input: unknown, source: string): ParsedKeystore {
  const root = asObject(typeof input === 'string' ? parseJson(input, source) : input, 'the top level', source);
  if (root.version !== 3) {
    throw corrupt(source, `unsupported version ${JSON.stringify(root.version ?? null)} (only version 3 is supported)`);
  }
  const crypto = asObject(root.crypto ?? root.Crypto, 'crypto', source);
  if (crypto.cipher !== 'aes-128-ctr') {
    throw corrupt(source, `unsupported cipher ${JSON.stringify(crypto.cipher ?? null)} (only aes-128-ctr is supported)`);
  }
  const cipherparams = asObject(crypto.cipherparams, 'crypto.cipherparams', source);
  const common = {
    address: typeof root.address === 'string' ? root.address.toLowerCase().replace(/^0x/, '') : undefined,
    iv: hexField(cipherparams.iv, 'crypto.cipherparams.iv', source, 16),
    ciphertext: hexField(crypto.ciphertext, 'crypto.ciphertext', source),
    mac: hexField(crypto.mac, 'crypto.mac', source, 32),
  };
  const kdfparams = asObject(crypto.kdfparams, 'crypto.kdfparams', source);
  const dklen = integerField(kdfparams.dklen, 'crypto.kdfparams.dklen', source);
  // The MAC uses derived-key bytes 16..32 and the cipher key bytes 0..16.
  if (dklen < 32) throw corrupt(source, `crypto.kdfparams.dklen is ${dklen}; at least 32 is required`);
  const salt = hexField(kdfparams.salt, 'crypto.kdfparams.salt', source);
  if (crypto.kdf === 'scrypt') {
    const n = integerField(kdfparams.n, 'crypto.kdfparams.n', source);
    if (n < 2 || (n & (n - 1)) !== 0) throw corrupt(source, `crypto.kdfparams.n is ${n}; it must be a power of two above 1`);
    const r = integerField(kdfparams.r, 'crypto.kdfparams.r', source);
    const p = integerField(kdfparams.p, 'crypto.kdfparams.p', source);
    return { ...common, kdf: 'scrypt', params: { n, r, p, dklen, salt } };
  }
  if (crypto.kdf === 'pbkdf2') {
    if (kdfparams.prf !== 'hmac-sha256') {
      throw corrupt(source, `unsupported pbkdf2 prf ${JSON.stringify(kdfparams.prf ?? null)} (only hmac-sha256 is supported)`);
    }
    const c = integerField(kdfparams.c, 'crypto.kdfparams.c', source);
    return { ...common, kdf: 'pbkdf2', params: { c, dklen, salt } };
  }
  throw corrupt(source, `unsupported kdf ${JSON.stringify(crypto.kdf ?? null)} (scrypt and pbkdf2 are supported)`);
}

/** The address a keystore declares, read without decrypting (checks only that it is 20 bytes of hex). */
export function declaredAddress(input: unknown, source: string): string {
  const root = asObject(typeof input === 'string' ? parseJson(input, source) : input, 'the top level', source);
  const address = typeof root.address === 'string' ? root.address.replace(/^0x/i, '') : undefined;
  if (!address) throw corrupt(source, 'missing field "address"');
  if (!/^[0-9a-fA-F]{40}$/.test(address)) throw corrupt(source, 'field "address" is not 20 bytes of hex');
  return `0x${address.toLowerCase()}`;
}

export function corrupt(source: string, what: string): MinerError {
  return new MinerError('WALLET', `The keystore ${source} is unreadable: ${what}.`, {
    hint: 'Use a Web3 Secret Storage v3 keystore (as written by `botcoin-miner wallet new`, geth or `cast wallet`), or restore it from a backup.',
  });
}

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw corrupt(source, `it is not valid JSON (${(error as Error).message})`);
  }
}

function asObject(value: unknown, field: string, source: string): Record<string, unknown> {
  if (value === undefined || value === null) throw corrupt(source, `missing field "${field}"`);
  if (typeof value !== 'object' || Array.isArray(value)) throw corrupt(source, `field "${field}" is not an object`);
  return value as Record<string, unknown>;
}

function integerField(value: unknown, field: string, source: string): number {
  if (value === undefined || value === null) throw corrupt(source, `missing field "${field}"`);
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw corrupt(source, `field "${field}" is not a positive integer`);
  }
  return value;
}

function hexField(value: unknown, field: string, source: string, bytes?: number): Uint8Array {
  if (value === undefined || value === null) throw corrupt(source, `missing field "${field}"`);
  const hex = typeof value === 'string' ? value.replace(/^0x/i, '') : undefined;
  if (hex === undefined || hex.length === 0 || hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) {
    throw corrupt(source, `field "${field}" is not hex`);
  }
  if (bytes !== undefined && hex.length !== bytes * 2) {
    throw corrupt(source, `field "${field}" is ${hex.length / 2} bytes; ${bytes} expected`);
  }
  return Uint8Array.from(Buffer.from(hex, 'hex'));
}
