/**
 * Sign-in nonces (single use, short-lived) and bearer tokens (per wallet and lane).
 * In memory: a coordinator restart logs everyone out, which clients handle as a 401.
 */
import { randomBytes } from 'node:crypto';

export type Lane = 'wallet' | 'rig';

export interface IssuedNonce {
  nonce: string;
  miner: string;
  message: string;
  expiresAtMs: number;
}

export interface TokenGrant {
  token: string;
  /** Lower-case address the token was issued to. */
  miner: string;
  lane: Lane;
  expiresAtMs: number;
}

export class AuthStore {
  private readonly nonces = new Map<string, IssuedNonce>();
  private readonly tokens = new Map<string, TokenGrant>();

  constructor(private readonly now: () => number) {}

  /** `issuedAtMs` is the caller's one clock reading, so the message's two times are exactly `ttlSeconds` apart. */
  issueNonce(miner: string, ttlSeconds: number, message: (nonce: string, expiresAtMs: number) => string, issuedAtMs = this.now()): IssuedNonce {
    this.prune();
    const nonce = randomBytes(16).toString('hex');
    const expiresAtMs = issuedAtMs + ttlSeconds * 1000;
    const issued = { nonce, miner, message: message(nonce, expiresAtMs), expiresAtMs };
    this.nonces.set(nonce, issued);
    return issued;
  }

  /** The live nonce, without consuming it. */
  peekNonce(nonce: string): IssuedNonce | undefined {
    const issued = this.nonces.get(nonce);
    if (!issued || issued.expiresAtMs <= this.now()) return undefined;
    return issued;
  }

  /** Single use: a verified nonce can never sign in again. */
  consumeNonce(nonce: string): void {
    this.nonces.delete(nonce);
  }

  issueToken(miner: string, lane: Lane, ttlSeconds: number): TokenGrant {
    const grant = { token: randomBytes(32).toString('base64url'), miner, lane, expiresAtMs: this.now() + ttlSeconds * 1000 };
    this.tokens.set(grant.token, grant);
    return grant;
  }

  /** The grant behind a token, if it exists and has not expired. */
  lookupToken(token: string): TokenGrant | undefined {
    const grant = this.tokens.get(token);
    if (!grant) return undefined;
    if (grant.expiresAtMs <= this.now()) {
      this.tokens.delete(token);
      return undefined;
    }
    return grant;
  }

  private prune(): void {
    const now = this.now();
    for (const [key, value] of this.nonces) if (value.expiresAtMs <= now) this.nonces.delete(key);
    for (const [key, value] of this.tokens) if (value.expiresAtMs <= now) this.tokens.delete(key);
  }
}
