/**
 * Wallet-lane staking transactions (spec/protocol.md §4): approve, stake, unstake, withdraw.
 * Returned unverified: the guard signs them only when the user asked to stake, and only to
 * the mining contract.
 */
import { z } from 'zod';
import { MinerError } from '../../errors.js';
import type { CoordinatorBase } from '../context.js';
import { untrustedTransactionSchema } from '../schemas.js';
import { readPublic } from './read.js';

const stakingSchema = z.looseObject({ transaction: untrustedTransactionSchema });
export type StakingCalldata = z.output<typeof stakingSchema>;

/** ERC-20 approve of `amount` base units (18 decimals) to the mining contract. */
export async function getStakeApproveCalldata(base: CoordinatorBase, amount: bigint): Promise<StakingCalldata> {
  return readPublic(base, 'stakeApproveCalldata', stakingSchema, 'Fetching the stake approval transaction', { amount: baseUnits(amount) });
}

export async function getStakeCalldata(base: CoordinatorBase, amount: bigint): Promise<StakingCalldata> {
  return readPublic(base, 'stakeCalldata', stakingSchema, 'Fetching the stake transaction', { amount: baseUnits(amount) });
}

export function getUnstakeCalldata(base: CoordinatorBase): Promise<StakingCalldata> {
  return readPublic(base, 'unstakeCalldata', stakingSchema, 'Fetching the unstake transaction');
}

export function getWithdrawCalldata(base: CoordinatorBase): Promise<StakingCalldata> {
  return readPublic(base, 'withdrawCalldata', stakingSchema, 'Fetching the withdraw transaction');
}

function baseUnits(amount: bigint): string {
  if (amount <= 0n) throw new MinerError('INVALID_INPUT', `A stake amount must be positive; got ${amount}.`, { hint: 'Pass the amount in whole BOTCOIN, e.g. 5000000.' });
  return amount.toString();
}
