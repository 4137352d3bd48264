/**
 * Sends a call that needs a bearer token (spec/protocol.md §3): the lane's cached token, and on
 * a 401 one fresh sign-in and one repeat of the same call. A second 401 is final.
 */
import { MinerError } from '../../errors.js';
import type { CoordinatorContext } from '../context.js';
import { describeErrorBody } from '../http/response-error.js';
import type { HttpResponse, RequestOptions } from '../http/types.js';
import type { AuthSession, Lane } from './session.js';

export async function sendAuthorized(
  context: CoordinatorContext,
  lane: Lane,
  method: 'GET' | 'POST',
  path: string,
  options: RequestOptions = {},
): Promise<HttpResponse> {
  const auth = requireAuth(context);
  const send = (token: string | undefined): Promise<HttpResponse> =>
    context.http.request(method, path, {
      ...options,
      headers: { ...options.headers, ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
    });
  const first = await auth.token(lane);
  const response = await send(first);
  if (response.status !== 401) return response;
  auth.invalidate(lane, first);
  const retry = await send(await auth.token(lane));
  if (retry.status !== 401) return retry;
  const said = describeErrorBody(retry.body);
  throw new MinerError('AUTH_REFUSED', `The coordinator refused a freshly issued ${lane}-lane token (401)${said ? `: ${said}` : ''}.`, {
    details: `${retry.method} ${retry.url} → 401`,
    hint: 'Check this computer\'s clock and that COORDINATOR_URL is one coordinator (not a load balancer over several), then try again.',
  });
}

export function requireAuth(context: CoordinatorContext): AuthSession {
  if (context.auth) return context.auth;
  throw new MinerError('WALLET', 'This coordinator call needs a signed-in wallet, and none is configured.', {
    hint: 'Configure a wallet (`botcoin-miner wallet import` or the key environment variable) and try again.',
  });
}
