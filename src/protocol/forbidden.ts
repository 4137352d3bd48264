/**
 * What a 403 on a lane call means and what to do about it (spec/protocol.md §§3–5): no bearer
 * token sent, a token of the other lane (a wallet-lane token on /v1/rig/*), a token of another
 * wallet, or a wallet that is not eligible (not staked / not the rig's operator).
 */
import type { MinerError } from '../errors.js';
import { readErrorFields, responseError } from './http/response-error.js';
import type { HttpResponse } from './http/types.js';
import type { Lane } from './auth/session.js';

export function forbiddenError(response: HttpResponse, action: string, lane: Lane): MinerError {
  const fields = readErrorFields(response.body);
  const label = `${fields.code ?? ''} ${fields.error ?? ''}`;
  const said = `${label} ${fields.message ?? ''}`;
  const refuse = (code: 'AUTH_REFUSED' | 'NOT_ELIGIBLE', hint: string): MinerError => responseError(response, { action, code, hint });
  // The stable code decides first; the free-text message only when the code says nothing.
  if (/lane/i.test(label)) return refuse('AUTH_REFUSED', wrongLaneHint(lane));
  if (/NOT_ELIGIBLE|INSUFFICIENT|stake|eligib/i.test(said)) return refuse('NOT_ELIGIBLE', notEligibleHint(lane));
  if (/challenge/i.test(label)) {
    return responseError(response, {
      action,
      code: 'COORDINATOR_REFUSED',
      hint: "The coordinator refused the challenge's binding (authorization or expiry); echo the challenge's fields unchanged, or fetch fresh work.",
    });
  }
  if (/token|bearer/i.test(label)) {
    return refuse('AUTH_REFUSED', 'The bearer token was missing or belongs to another wallet; sign in with the wallet that mines (the miner does this automatically) and retry.');
  }
  if (/lane/i.test(said)) return refuse('AUTH_REFUSED', wrongLaneHint(lane));
  return refuse(
    'AUTH_REFUSED',
    `Check that the call carries a bearer token of the ${lane} lane${lane === 'rig' ? ' ("lane":"rig" at verify)' : ''} for this wallet, and that the wallet is ${lane === 'wallet' ? 'staked' : "the rig's operator"}.`,
  );
}

function wrongLaneHint(lane: Lane): string {
  return lane === 'rig'
    ? 'Rig routes need a rig-lane token (verify with "lane":"rig"); production mines on the rig lane: pass --rig <rigId>.'
    : 'The wallet-lane routes refused this token; sign in without "lane":"rig" for the wallet lane.';
}

function notEligibleHint(lane: Lane): string {
  return lane === 'wallet'
    ? 'Stake at least the lowest tier on the mining contract (`botcoin-miner stake <amount>`), or mine on the rig lane with a rig you operate.'
    : "This operator wallet is not eligible for the rig; check the rig's owner, delegation or lease (`botcoin-miner rig`).";
}
