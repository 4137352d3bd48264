/** GET /v1/rig/challenge?rigId&operator&nonce (spec/protocol.md §5): work bound to one rig. */
import type { Address } from 'viem';
import { parseChallenge } from '../../challenge/parse.js';
import { MinerError } from '../../errors.js';
import { requireAuth, sendAuthorized } from '../auth/authorized.js';
import type { CoordinatorContext } from '../context.js';
import { forbiddenError } from '../forbidden.js';
import { responseError } from '../http/response-error.js';
import { assertLaneServed, routePath } from '../routes.js';
import { checkNonce, type IssuedChallenge } from '../wallet-lane/get-challenge.js';
import { newRequestNonce } from '../wallet-lane/request-nonce.js';
import { rigRefusalError } from './refusals.js';

export interface GetRigChallengeParams {
  rigId: bigint | string;
  /** Default: the signed-in wallet. */
  operator?: Address;
  /** Default: a fresh one. The same nonce again returns the byte-identical challenge. */
  nonce?: string;
}

const ACTION = 'Requesting rig work';

export async function getRigChallenge(context: CoordinatorContext, params: GetRigChallengeParams): Promise<IssuedChallenge> {
  assertLaneServed(context, 'rig', 'rigChallenge');
  const rigId = rigIdString(params.rigId);
  const operator = params.operator ?? requireAuth(context).address;
  const nonce = checkNonce(params.nonce ?? newRequestNonce());
  const response = await sendAuthorized(context, 'rig', 'GET', routePath('rigChallenge'), { query: { rigId, operator, nonce } });
  if (response.status !== 200) {
    throw rigRefusalError(response, ACTION) ?? (response.status === 403 ? forbiddenError(response, ACTION, 'rig') : responseError(response, { action: ACTION }));
  }
  const challenge = parseChallenge(response.body);
  // Work for another rig or operator would be signed for someone else: refuse it here.
  if (!challenge.rig || challenge.rig.rigId !== rigId || challenge.rig.operator.toLowerCase() !== operator.toLowerCase()) {
    throw new MinerError('INVALID_PAYLOAD', `${ACTION}: the coordinator returned work that is not bound to rig ${rigId} and operator ${operator}.`, {
      details: challenge.rig ? `payload rigId ${challenge.rig.rigId}, operator ${challenge.rig.operator}` : 'no rig binding in the payload',
      hint: 'The coordinator is inconsistent; do not submit this work. Report it to the coordinator operator.',
    });
  }
  return { challenge, nonce };
}

export function rigIdString(rigId: bigint | string | number): string {
  const text = String(rigId);
  if (!/^\d{1,78}$/.test(text)) {
    throw new MinerError('INVALID_INPUT', `A rig id is a non-negative integer; got ${JSON.stringify(text)}.`, { hint: 'Pass --rig <rigId>, e.g. --rig 42.' });
  }
  return BigInt(text).toString();
}
