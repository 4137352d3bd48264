/**
 * Claim transactions and bonus status (spec/protocol.md §§4–5, 11): `claim(uint64[])`,
 * `claimRig(uint256,uint64[])` and `claimBonus(...)`, as the coordinator proposes them.
 * The transactions are returned unverified; the transaction guard decides whether to sign.
 */
import { z } from 'zod';
import type { CoordinatorBase } from '../context.js';
import { rigIdString } from '../rig-lane/get-rig-challenge.js';
import { decimalString, epochList, hexString, untrustedTransactionSchema } from '../schemas.js';
import { readPublic } from './read.js';

export interface ClaimParams {
  epochs: ReadonlyArray<bigint | number | string>;
  /** Rig lane: claim for this rig. */
  rigId?: bigint | string;
}

const claimSchema = z.looseObject({
  transaction: untrustedTransactionSchema,
  calldata: hexString.optional(),
});
export type ClaimCalldata = z.output<typeof claimSchema>;

const bonusRowSchema = z.looseObject({
  epochId: decimalString.optional(),
  isBonusEpoch: z.boolean().optional(),
  claimsOpen: z.boolean().optional(),
  reward: z.string().optional(),
  rewardRaw: decimalString.optional(),
});

const bonusStatusSchema = bonusRowSchema.extend({
  enabled: z.boolean(),
  epochs: z.array(bonusRowSchema).optional(),
});
export type BonusStatus = z.output<typeof bonusStatusSchema>;

function claimQuery(params: ClaimParams): Record<string, string> {
  return { epochs: epochList(params.epochs), ...(params.rigId !== undefined ? { rigId: rigIdString(params.rigId) } : {}) };
}

export async function getClaimCalldata(base: CoordinatorBase, params: ClaimParams): Promise<ClaimCalldata> {
  return readPublic(base, 'claimCalldata', claimSchema, 'Fetching the claim transaction', claimQuery(params));
}

export async function getBonusClaimCalldata(base: CoordinatorBase, params: ClaimParams): Promise<ClaimCalldata> {
  return readPublic(base, 'bonusClaimCalldata', claimSchema, 'Fetching the bonus claim transaction', claimQuery(params));
}

export async function getBonusStatus(base: CoordinatorBase, params: ClaimParams): Promise<BonusStatus> {
  return readPublic(base, 'bonusStatus', bonusStatusSchema, 'Reading the bonus status', claimQuery(params));
}
