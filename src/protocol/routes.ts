/**
 * The coordinator's routes (spec/protocol.md §§3–5) and what the skill file says about them.
 * Paths are the protocol's; the skill file only tells which of them this coordinator serves,
 * so a call to a lane the coordinator does not serve fails fast with a clear reason instead of
 * spending a rate-limited request on a 404.
 */
import { MinerError } from '../errors.js';
import type { CoordinatorBase } from './context.js';

export const routes = {
  health: { method: 'GET', path: '/health' },
  authNonce: { method: 'POST', path: '/v1/auth/nonce' },
  authVerify: { method: 'POST', path: '/v1/auth/verify' },
  challenge: { method: 'GET', path: '/v1/challenge' },
  submit: { method: 'POST', path: '/v1/submit' },
  rigChallenge: { method: 'GET', path: '/v1/rig/challenge' },
  rigSubmit: { method: 'POST', path: '/v1/rig/submit' },
  rigAttempt: { method: 'GET', path: '/v1/rig/attempt/{attemptId}' },
  epoch: { method: 'GET', path: '/v1/epoch' },
  credits: { method: 'GET', path: '/v1/credits' },
  claimCalldata: { method: 'GET', path: '/v1/claim-calldata' },
  bonusStatus: { method: 'GET', path: '/v1/bonus/status' },
  bonusClaimCalldata: { method: 'GET', path: '/v1/bonus/claim-calldata' },
  stakeApproveCalldata: { method: 'GET', path: '/v1/stake-approve-calldata' },
  stakeCalldata: { method: 'GET', path: '/v1/stake-calldata' },
  unstakeCalldata: { method: 'GET', path: '/v1/unstake-calldata' },
  withdrawCalldata: { method: 'GET', path: '/v1/withdraw-calldata' },
  token: { method: 'GET', path: '/v1/token' },
} as const;

export type RouteName = keyof typeof routes;

/** The routes that define a lane: a coordinator whose skill file omits them does not serve it. */
const laneRoutes: Record<'wallet' | 'rig', readonly RouteName[]> = {
  wallet: ['challenge', 'submit'],
  rig: ['rigChallenge', 'rigSubmit', 'rigAttempt'],
};

/** The route's path with `{placeholders}` filled (each value URL-encoded as one segment). */
export function routePath(name: RouteName, params: Readonly<Record<string, string>> = {}): string {
  return routes[name].path.replace(/\{([A-Za-z]+)\}/g, (_, key: string) => {
    const value = params[key];
    if (value === undefined) throw new Error(`route ${name} needs {${key}}`);
    return encodeURIComponent(value);
  });
}

/** Whether the skill file lists the route: `unknown` without a skill file or when it lists no endpoints. */
export function skillListing(base: Pick<CoordinatorBase, 'skill'>, name: RouteName): 'listed' | 'unlisted' | 'unknown' {
  const endpoints = base.skill?.endpoints ?? [];
  if (endpoints.length === 0) return 'unknown';
  const { method, path } = routes[name];
  const shape = placeholderShape(path);
  return endpoints.some((e) => e.method === method && placeholderShape(e.path) === shape) ? 'listed' : 'unlisted';
}

/** Refuses a lane call the discovered skill file shows this coordinator does not serve. */
export function assertLaneServed(base: Pick<CoordinatorBase, 'skill' | 'baseUrl'>, lane: 'wallet' | 'rig', name: RouteName): void {
  if (skillListing(base, name) !== 'unlisted') return;
  const other = lane === 'wallet' ? 'rig' : 'wallet';
  const servesOther = laneRoutes[other].some((route) => skillListing(base, route) === 'listed');
  const { method, path } = routes[name];
  throw new MinerError('COORDINATOR_REFUSED', `The coordinator at ${base.baseUrl} does not serve the ${lane} lane: its skill file does not list ${method} ${path}.`, {
    hint: servesOther
      ? `This coordinator mines on the ${other} lane; use the ${other}-lane commands${other === 'rig' ? ' (with --rig <rigId>)' : ''}.`
      : 'Check COORDINATOR_URL, or run `botcoin-miner skill` to see what this coordinator serves.',
  });
}

function placeholderShape(path: string): string {
  return path.replace(/\{[^}]*\}/g, '{}').replace(/\/+$/, '');
}
