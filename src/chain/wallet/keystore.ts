import { randomBytes, randomUUID } from 'node:crypto';
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { pbkdf2Async } from '@noble/hashes/pbkdf2.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { ctr } from '@noble/ciphers/aes.js';
import { privateKeyToAccount } from 'viem/accounts';
import type { Hex } from 'viem';
import { MinerError } from '../../errors.js';
import { parsePrivateKey } from './private-key.js';
import { corrupt, parseKeystore, type KeystoreV3, type ParsedKeystore } from './keystore-format.js';

export type { KeystoreV3 } from './keystore-format.js';

/** geth's "standard" scrypt parameters, which `cast wallet new` also writes. */
export const DEFAULT_SCRYPT = { n: 262144, r: 8, p: 1, dklen: 32 } as const;

export interface EncryptKeystoreOptions {
  /** scrypt cost parameters; tests pass a small `n` to stay fast. */
  scrypt?: { n: number; r: number; p: number };
  /** Fixed salt (32 bytes) and IV (16 bytes), for reproducing published vectors; random by default. */
  salt?: Uint8Array;
  iv?: Uint8Array;
}

/** Encrypts a private key into a v3 keystore (scrypt + aes-128-ctr + keccak MAC). */
export async function encryptKeystore(privateKey: Hex, password: string, options: EncryptKeystoreOptions = {}): Promise<KeystoreV3> {
  const key = parsePrivateKey(privateKey, 'the key to encrypt');
  const params = { ...DEFAULT_SCRYPT, ...options.scrypt, dklen: DEFAULT_SCRYPT.dklen };
  const salt = options.salt ?? randomBytes(32);
  const iv = options.iv ?? randomBytes(16);
  const derived = await deriveScrypt(password, { ...params, salt }, 'the new keystore');
  const plaintext = Uint8Array.from(Buffer.from(key.slice(2), 'hex'));
  const ciphertext = ctr(derived.subarray(0, 16), iv).encrypt(plaintext);
  const mac = keccak_256(concat(derived.subarray(16, 32), ciphertext));
  return {
    version: 3,
    id: randomUUID(),
    address: privateKeyToAccount(key).address.slice(2).toLowerCase(),
    crypto: {
      cipher: 'aes-128-ctr',
      cipherparams: { iv: toHex(iv) },
      ciphertext: toHex(ciphertext),
      kdf: 'scrypt',
      kdfparams: { n: params.n, r: params.r, p: params.p, dklen: params.dklen, salt: toHex(salt) },
      mac: toHex(mac),
    },
  };
}

/**
 * Decrypts a v3 keystore (text or parsed JSON) and returns the private key. `source` names the
 * file in errors; errors never contain the password or the key.
 */
export async function decryptKeystore(keystore: unknown, password: string, source = 'keystore'): Promise<Hex> {
  const parsed = parseKeystore(keystore, source);
  const derived = await deriveKey(password, parsed, source);
  const mac = keccak_256(concat(derived.subarray(16, 32), parsed.ciphertext));
  if (!equalBytes(mac, parsed.mac)) {
    throw new MinerError('WALLET', `Wrong password for keystore ${source}`, {
      hint: 'Check the password (BOTCOIN_KEYSTORE_PASSWORD when set, otherwise the prompt) and try again.',
    });
  }
  const plaintext = ctr(derived.subarray(0, 16), parsed.iv).decrypt(parsed.ciphertext);
  if (plaintext.length !== 32) throw corrupt(source, `the decrypted key is ${plaintext.length} bytes; 32 expected`);
  const key = parsePrivateKey(`0x${toHex(plaintext)}`, `keystore ${source}`);
  const address = privateKeyToAccount(key).address.slice(2).toLowerCase();
  // geth refuses a file whose address field disagrees with its key; so do we (it is a tampered or mixed-up file).
  if (parsed.address !== undefined && parsed.address !== address) {
    throw corrupt(source, `its "address" field 0x${parsed.address} does not match the encrypted key (0x${address})`);
  }
  return key;
}

function deriveKey(password: string, parsed: ParsedKeystore, source: string): Promise<Uint8Array> {
  if (parsed.kdf === 'scrypt') return deriveScrypt(password, parsed.params, source);
  const { c, dklen, salt } = parsed.params;
  return pbkdf2Async(sha256, utf8(password), salt, { c, dkLen: dklen });
}

async function deriveScrypt(
  password: string,
  params: { n: number; r: number; p: number; dklen: number; salt: Uint8Array },
  source: string,
): Promise<Uint8Array> {
  try {
    return await scryptAsync(utf8(password), params.salt, { N: params.n, r: params.r, p: params.p, dkLen: params.dklen });
  } catch (error) {
    // noble refuses parameters needing more than 1 GiB, or malformed ones; the message names which.
    throw corrupt(source, `its scrypt parameters (n=${params.n}, r=${params.r}, p=${params.p}) are refused: ${(error as Error).message}`);
  }
}

/** Passwords are used as UTF-8 bytes without normalisation, as geth and Foundry do. */
function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}
