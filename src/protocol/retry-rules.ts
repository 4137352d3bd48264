/**
 * Which coordinator answers the transport retries (protocol §6: 429 and 5xx), minus the ones
 * that are answers rather than outages: 503 "auth disabled", a rig refusal such as
 * EPOCH_COMMIT_MISSING (retry *later*, in minutes, decided by the miner), and /health (a
 * health check reports the state now).
 */
import { isAuthDisabledResponse } from './auth/auth-disabled.js';
import { isRetryableStatus } from './http/backoff.js';
import type { HttpResponse } from './http/types.js';
import { rigRefusalCode } from './rig-lane/refusals.js';
import { routes } from './routes.js';

export function shouldRetryCoordinator(response: HttpResponse): boolean {
  if (!isRetryableStatus(response.status)) return false;
  if (isAuthDisabledResponse(response)) return false;
  if (rigRefusalCode(response.body) !== undefined) return false;
  return !new URL(response.url).pathname.endsWith(routes.health.path);
}
