/**
 * Bearer-token check. Unknown or expired tokens → 401 (the client re-authenticates);
 * a wallet-lane token on a rig route → 403 (production refuses it the same way).
 */
import type { MiddlewareHandler } from 'hono';
import type { Address } from 'viem';
import type { AuthStore, Lane } from '../auth-store.js';
import type { CoordinatorEnv } from '../env.js';
import { HttpError } from '../http-error.js';
import { bearerToken } from './rate-limit.js';

export function requireToken(auth: AuthStore, lane: Lane | 'any'): MiddlewareHandler<CoordinatorEnv> {
  return async (c, next) => {
    const token = bearerToken(c.req.header('authorization'));
    if (!token) {
      throw new HttpError(401, 'missing_token', 'This call needs "Authorization: Bearer <token>". Sign in with POST /v1/auth/nonce and /v1/auth/verify.');
    }
    const grant = auth.lookupToken(token);
    if (!grant) {
      throw new HttpError(401, 'invalid_token', 'The bearer token is unknown or expired. Sign in again (POST /v1/auth/nonce, /v1/auth/verify) and retry.');
    }
    if (lane === 'rig' && grant.lane !== 'rig') {
      throw new HttpError(403, 'WRONG_LANE', 'A wallet-lane token cannot use /v1/rig/*. Sign in again with lane:"rig" in POST /v1/auth/verify.');
    }
    c.set('grant', grant);
    return next();
  };
}

/** `requireToken` only for requests `applies` selects (e.g. rig credits, but not wallet credits). */
export function requireTokenWhen(
  auth: AuthStore,
  lane: Lane | 'any',
  applies: (query: Record<string, string>) => boolean,
): MiddlewareHandler<CoordinatorEnv> {
  const check = requireToken(auth, lane);
  return async (c, next) => (applies(c.req.query()) ? check(c, next) : next());
}

/** A token acts only for its own wallet. */
export function ownWallet(tokenWallet: string, named: Address): Address {
  if (named.toLowerCase() !== tokenWallet) {
    throw new HttpError(403, 'token_wallet_mismatch', `The bearer token belongs to ${tokenWallet}, not ${named}. Sign in with the wallet you act for.`);
  }
  return named.toLowerCase() as Address;
}
