/**
 * Per-wallet rate limiting across both lanes. The wallet is the bearer token's holder when the
 * token is known (so a refused wrong-lane call still costs), else the `miner`/`operator` named
 * by the request, else the peer address.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { AuthStore } from '../auth-store.js';
import type { RateLimitRule } from '../config.js';
import type { CoordinatorEnv } from '../env.js';
import { rateLimited } from '../http-error.js';
import type { RateLimiter } from '../rate-limiter.js';

export function rateLimitMiddleware(
  limiter: RateLimiter,
  auth: AuthStore,
  bucket: string,
  rule: () => RateLimitRule | false,
): MiddlewareHandler<CoordinatorEnv> {
  return async (c, next) => {
    const active = rule();
    if (!active) return next();
    const wallet = await walletOf(c, auth);
    const waitSeconds = limiter.take(`${bucket}:${wallet}`, active);
    if (waitSeconds > 0) {
      throw rateLimited(
        waitSeconds,
        `Too many ${bucket} requests for ${wallet}: ${active.limit} per ${active.windowSeconds} s. Wait for Retry-After, then retry.`,
      );
    }
    return next();
  };
}

async function walletOf(c: Context<CoordinatorEnv>, auth: AuthStore): Promise<string> {
  const token = bearerToken(c.req.header('authorization'));
  const grant = token ? auth.lookupToken(token) : undefined;
  if (grant) return grant.miner;
  const named = c.req.query('miner') ?? c.req.query('operator') ?? (await bodyMiner(c));
  if (named) return named.toLowerCase();
  return c.env?.incoming?.socket.remoteAddress ?? 'anonymous';
}

async function bodyMiner(c: Context<CoordinatorEnv>): Promise<string | undefined> {
  if (c.req.method !== 'POST') return undefined;
  // Hono caches the parsed body, so the route handler can read it again.
  const body = (await c.req.json().catch(() => undefined)) as { miner?: unknown; operator?: unknown } | undefined;
  const named = body?.miner ?? body?.operator;
  return typeof named === 'string' ? named : undefined;
}

export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}
