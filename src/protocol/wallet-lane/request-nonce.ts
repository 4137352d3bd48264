import { randomBytes } from 'node:crypto';

/**
 * A fresh challenge-request nonce (spec/protocol.md §4: ≤ 64 characters, new for every new
 * challenge; the same nonce is echoed in the submit and keys the multi-pass session).
 */
export function newRequestNonce(): string {
  return randomBytes(16).toString('hex');
}
