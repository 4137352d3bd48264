/**
 * When a cached bearer token must be replaced (spec/protocol.md §3): reuse it until a 401 or
 * until it is within about a minute of expiry. The lead time is drawn per token between 30
 * and 90 s, so many miners (or many rigs of one operator) do not all sign in at the same second.
 */

export const REFRESH_LEAD_MIN_MS = 30_000;
export const REFRESH_LEAD_MAX_MS = 90_000;
/** How long a coordinator's "auth disabled" answer is trusted before asking again. */
export const AUTH_DISABLED_RECHECK_MS = 5 * 60_000;

/**
 * The local time at which a token obtained at `obtainedAtMs` should be replaced. For very short
 * lifetimes (test coordinators) the lead is capped at half the lifetime, so the token is still
 * used at all.
 */
export function refreshAtMs(obtainedAtMs: number, expiresAtMs: number, random: () => number): number {
  const lifetime = Math.max(0, expiresAtMs - obtainedAtMs);
  const jitter = REFRESH_LEAD_MIN_MS + random() * (REFRESH_LEAD_MAX_MS - REFRESH_LEAD_MIN_MS);
  return expiresAtMs - Math.min(jitter, lifetime / 2);
}

/**
 * When the token expires in local time. `expiresInSeconds` is counted from when we asked (so
 * clock skew cannot stretch it); the server's absolute `expiresAt` is used too, and the earlier
 * of the two wins.
 */
export function localExpiryMs(requestedAtMs: number, token: { expiresInSeconds?: number | undefined; expiresAt?: string | undefined }): number {
  const candidates: number[] = [];
  if (token.expiresInSeconds !== undefined) candidates.push(requestedAtMs + token.expiresInSeconds * 1000);
  const absolute = token.expiresAt === undefined ? Number.NaN : Date.parse(token.expiresAt);
  if (!Number.isNaN(absolute)) candidates.push(absolute);
  return candidates.length === 0 ? requestedAtMs : Math.min(...candidates);
}

/** Whether a cached entry can still be used at `now`. */
export function isFresh(entry: { refreshAtMs: number }, now: number): boolean {
  return now < entry.refreshAtMs;
}
