import type { Hex } from 'viem';
import { MinerError } from '../../errors.js';

/** secp256k1 group order: a private key must be in [1, n). */
const CURVE_ORDER = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

/**
 * Validates a private key's text and returns it lower-cased. The error never repeats the input:
 * a mistyped key is still mostly a key.
 */
export function parsePrivateKey(text: string, where: string): Hex {
  const trimmed = text.trim();
  if (!/^0x[0-9a-fA-F]{64}$/.test(trimmed)) {
    throw new MinerError('WALLET', `The private key from ${where} is not 0x followed by 64 hex digits.`, {
      hint: 'Paste the key exactly as exported (32 bytes, hex, with the 0x prefix).',
    });
  }
  const value = BigInt(trimmed);
  if (value === 0n || value >= CURVE_ORDER) {
    throw new MinerError('WALLET', `The private key from ${where} is outside the secp256k1 range (zero or not below the curve order).`, {
      hint: 'This is not a usable Ethereum key; check that the right value was supplied.',
    });
  }
  return trimmed.toLowerCase() as Hex;
}
