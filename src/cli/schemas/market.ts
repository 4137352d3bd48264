/** `evaluators list|reputation` and `evaluator serve`: the paid-feedback market. */
import { z } from 'zod';
import { evaluatorKinds } from '../../market/protocol/card.js';
import { addressString } from './common.js';

export const evaluatorsListSchema = z.strictObject({
  evaluators: z.array(
    z.strictObject({
      id: z.string().describe('<kind>@<signer address>'),
      name: z.string(),
      kind: z.enum(evaluatorKinds),
      price: z.string().describe('USD per evaluation, decimal'),
      network: z.string(),
      asset: addressString,
      payTo: addressString,
      endpoint: z.string(),
      url: z.string(),
      tags: z.array(z.string()),
      quality: z.number().describe('earned reputation score, 0..1'),
    }),
  ),
  problems: z.array(z.strictObject({ url: z.string(), message: z.string() })).describe('cards that could not be used, and why'),
});

const stats = z.strictObject({
  consults: z.number().int().nonnegative(),
  helped: z.number().int().nonnegative(),
  notHelped: z.number().int().nonnegative(),
  correct: z.number().int().nonnegative(),
  wrong: z.number().int().nonnegative(),
  brierSum: z.number().nonnegative(),
  brierCount: z.number().int().nonnegative(),
  updatedAt: z.string().optional(),
});

export const evaluatorsReputationSchema = z.strictObject({
  wallet: z.string(),
  evaluators: z.array(
    z.strictObject({
      evaluatorId: z.string(),
      stats,
      helpedMean: z.number(),
      accuracyMean: z.number(),
      calibration: z.number(),
      quality: z.number(),
      uncertainty: z.number().describe('posterior sd: the exploration bonus for newcomers'),
    }),
  ),
});

export const evaluatorServeSchema = z.strictObject({
  kind: z.enum(evaluatorKinds),
  url: z.string(),
  card: z.string(),
  price: z.string(),
  network: z.string(),
  asset: addressString,
  signer: addressString,
  gasPayer: z.union([addressString, z.literal('remote facilitator')]),
});
