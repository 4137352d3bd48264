/**
 * GET /v1/credits?miner (wallet lane, public) or ?rigId&operator (rig lane, rig bearer token)
 * (spec/protocol.md §§4–5). Throttled in production: read it when asked, never poll it.
 */
import { z } from 'zod';
import type { Address } from 'viem';
import { sendAuthorized } from '../auth/authorized.js';
import type { CoordinatorContext } from '../context.js';
import { forbiddenError } from '../forbidden.js';
import { responseError } from '../http/response-error.js';
import { parseResponse } from '../response.js';
import { routePath } from '../routes.js';
import { rigIdString } from '../rig-lane/get-rig-challenge.js';
import { rigRefusalError } from '../rig-lane/refusals.js';
import { decimalString } from '../schemas.js';
import { readPublic } from './read.js';

const epochCreditsSchema = z.looseObject({
  epochId: decimalString,
  credits: decimalString,
  claimed: z.boolean().optional(),
  bonusClaimed: z.boolean().optional(),
});

const creditsSchema = z.looseObject({
  miner: z.string().optional(),
  rigId: decimalString.optional(),
  operator: z.string().optional(),
  currentEpochId: decimalString.optional(),
  epochs: z.array(epochCreditsSchema).default([]),
});

export type CreditsInfo = z.output<typeof creditsSchema>;

export type CreditsQuery = { miner: Address } | { rigId: bigint | string; operator: Address };

const ACTION = 'Reading credits';

export async function getCredits(context: CoordinatorContext, query: CreditsQuery): Promise<CreditsInfo> {
  if ('miner' in query) return readPublic(context, 'credits', creditsSchema, ACTION, { miner: query.miner });
  const response = await sendAuthorized(context, 'rig', 'GET', routePath('credits'), {
    query: { rigId: rigIdString(query.rigId), operator: query.operator },
  });
  if (response.status !== 200) {
    throw rigRefusalError(response, ACTION) ?? (response.status === 403 ? forbiddenError(response, ACTION, 'rig') : responseError(response, { action: ACTION }));
  }
  return parseResponse(creditsSchema, response, ACTION);
}
