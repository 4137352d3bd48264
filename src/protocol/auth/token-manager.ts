/**
 * Bearer tokens per (wallet address, lane), cached and refreshed per token-policy.ts, with one
 * sign-in flow per wallet at a time: concurrent callers for the same wallet and lane await the
 * same flow, and flows for the other lane of the same wallet wait their turn (the coordinator
 * rate-limits auth per wallet, across lanes).
 */
import { AUTH_DISABLED_RECHECK_MS, isFresh, localExpiryMs, refreshAtMs } from './token-policy.js';
import type { Lane } from './session.js';

export interface TokenKey {
  address: string;
  lane: Lane;
}

/** What a sign-in flow yields: a token and its expiry, or the coordinator's "auth disabled". */
export type SignInOutcome =
  | { kind: 'token'; token: string; expiresInSeconds?: number | undefined; expiresAt?: string | undefined }
  | { kind: 'auth_disabled' };

export type SignInReason = 'initial' | 'refresh' | 'unauthorized';

export interface TokenManagerOptions {
  /** Runs one sign-in flow (nonce → validate → sign → verify). */
  authenticate: (key: TokenKey, reason: SignInReason) => Promise<SignInOutcome>;
  now?: () => number;
  random?: () => number;
}

export interface TokenManager {
  /** The bearer token to send, or undefined when the coordinator has auth disabled (omit the header). */
  token(key: TokenKey): Promise<string | undefined>;
  /** After a 401: forget `token` (if it is still the cached one) so the next `token()` signs in again. */
  invalidate(key: TokenKey, token: string | undefined): void;
}

interface Entry {
  /** undefined = auth disabled. */
  token: string | undefined;
  refreshAtMs: number;
}

export function createTokenManager(options: TokenManagerOptions): TokenManager {
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const entries = new Map<string, Entry>();
  const invalidated = new Set<string>();
  const flights = new Map<string, Promise<Entry>>();
  /** The tail of each wallet's queue of sign-in flows. */
  const walletQueues = new Map<string, Promise<unknown>>();

  function signIn(key: TokenKey): Promise<Entry> {
    const id = entryId(key);
    const pending = flights.get(id);
    if (pending) return pending;
    const wallet = key.address.toLowerCase();
    const reason: SignInReason = invalidated.has(id) ? 'unauthorized' : entries.has(id) ? 'refresh' : 'initial';
    const flight = (walletQueues.get(wallet) ?? Promise.resolve())
      .catch(() => undefined)
      .then(async () => {
        const requestedAtMs = now();
        const outcome = await options.authenticate(key, reason);
        const entry: Entry =
          outcome.kind === 'auth_disabled'
            ? { token: undefined, refreshAtMs: requestedAtMs + AUTH_DISABLED_RECHECK_MS }
            : { token: outcome.token, refreshAtMs: refreshAtMs(requestedAtMs, localExpiryMs(requestedAtMs, outcome), random) };
        entries.set(id, entry);
        invalidated.delete(id);
        return entry;
      })
      .finally(() => {
        if (flights.get(id) === flight) flights.delete(id);
        if (walletQueues.get(wallet) === queued) walletQueues.delete(wallet);
      });
    const queued = flight.catch(() => undefined);
    flights.set(id, flight);
    walletQueues.set(wallet, queued);
    return flight;
  }

  return {
    async token(key) {
      const cached = entries.get(entryId(key));
      if (cached && isFresh(cached, now())) return cached.token;
      return (await signIn(key)).token;
    },
    invalidate(key, token) {
      const id = entryId(key);
      const cached = entries.get(id);
      if (cached && cached.token === token) {
        entries.delete(id);
        invalidated.add(id);
      }
    },
  };
}

function entryId(key: TokenKey): string {
  return `${key.address.toLowerCase()}|${key.lane}`;
}
