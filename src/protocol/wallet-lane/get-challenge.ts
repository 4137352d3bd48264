/** GET /v1/challenge?miner&nonce (spec/protocol.md §4): a new wallet-lane challenge. */
import type { Address } from 'viem';
import { parseChallenge } from '../../challenge/parse.js';
import type { Challenge } from '../../challenge/types.js';
import { MinerError } from '../../errors.js';
import { requireAuth, sendAuthorized } from '../auth/authorized.js';
import type { CoordinatorContext } from '../context.js';
import { forbiddenError } from '../forbidden.js';
import { responseError } from '../http/response-error.js';
import { assertLaneServed, routePath } from '../routes.js';
import { rigRefusalError } from '../rig-lane/refusals.js';
import { newRequestNonce } from './request-nonce.js';

export interface GetChallengeParams {
  /** Default: the signed-in wallet. */
  miner?: Address;
  /** Default: a fresh one. Must be new for every new challenge. */
  nonce?: string;
}

export interface IssuedChallenge {
  challenge: Challenge;
  /** The nonce the challenge was requested with: the submit echoes it. */
  nonce: string;
}

const ACTION = 'Requesting a challenge';

export async function getChallenge(context: CoordinatorContext, params: GetChallengeParams = {}): Promise<IssuedChallenge> {
  assertLaneServed(context, 'wallet', 'challenge');
  const miner = params.miner ?? requireAuth(context).address;
  const nonce = checkNonce(params.nonce ?? newRequestNonce());
  const response = await sendAuthorized(context, 'wallet', 'GET', routePath('challenge'), { query: { miner, nonce } });
  if (response.status !== 200) {
    // EPOCH_COMMIT_MISSING is shared by both lanes: a typed "retry later", not an outage.
    throw rigRefusalError(response, ACTION) ?? (response.status === 403 ? forbiddenError(response, ACTION, 'wallet') : responseError(response, { action: ACTION }));
  }
  const challenge = parseChallenge(response.body);
  if (challenge.generation === 'rig') {
    throw new MinerError('INVALID_PAYLOAD', `${ACTION}: the coordinator returned a rig-lane challenge on the wallet lane.`, {
      hint: 'The coordinator is inconsistent; report it to its operator.',
    });
  }
  return { challenge, nonce };
}

export function checkNonce(nonce: string): string {
  if (nonce.length === 0 || nonce.length > 64) {
    throw new MinerError('INVALID_INPUT', `A challenge nonce has 1 to 64 characters; got ${nonce.length}.`, {
      hint: 'Omit the nonce to get a fresh one.',
    });
  }
  return nonce;
}
