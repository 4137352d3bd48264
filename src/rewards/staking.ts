/**
 * Wallet-lane staking (spec/protocol.md §§4, 10): the position as the contract reports it, and
 * the approve / stake / unstake / withdraw transactions the coordinator proposes, each checked
 * by the guard as a user-requested staking call before anything is signed.
 */
import { formatUnits, parseUnits, type Address, type PublicClient } from 'viem';
import { botcoinMiningAbi, botcoinTokenAbi } from '../chain/abis/index.js';
import { guardTransaction, SimulationRevertedError, type GuardContext, type GuardedTransaction } from '../chain/guard/index.js';
import { MinerError } from '../errors.js';
import type { CoordinatorBase } from '../protocol/context.js';
import { getStakeApproveCalldata, getStakeCalldata, getUnstakeCalldata, getWithdrawCalldata } from '../protocol/info/staking.js';
import { readChain } from './read.js';

export const BOTCOIN_DECIMALS = 18;

export interface StakeTier {
  index: number;
  threshold: bigint;
  credits: bigint;
}

export interface StakePosition {
  staked: bigint;
  /** 0 when no unstake is pending; else when `withdraw` becomes possible (seconds). */
  withdrawableAt: bigint;
  eligible: boolean;
  /** The highest tier the stake reaches, if any. */
  tier: StakeTier | undefined;
  tiers: StakeTier[];
  balance: bigint;
  allowance: bigint;
}

/** Whole BOTCOIN ("5000000", "1.5") to base units, exactly; anything else is a clear usage error. */
export function parseBotcoin(amount: string): bigint {
  const text = amount.trim().replace(/_/g, '');
  if (!/^\d+(\.\d+)?$/.test(text)) {
    throw new MinerError('BAD_USAGE', `"${amount}" is not an amount of BOTCOIN.`, { hint: 'Give whole BOTCOIN as a decimal number, e.g. 5000000 or 1.5.' });
  }
  const [, fraction = ''] = text.split('.');
  if (fraction.length > BOTCOIN_DECIMALS) {
    throw new MinerError('BAD_USAGE', `"${amount}" has more than ${BOTCOIN_DECIMALS} decimals.`, { hint: 'BOTCOIN has 18 decimals.' });
  }
  const value = parseUnits(text, BOTCOIN_DECIMALS);
  if (value === 0n) throw new MinerError('BAD_USAGE', 'A stake amount must be positive.', { hint: 'e.g. botcoin-miner stake 5000000' });
  return value;
}

export function formatBotcoin(value: bigint): string {
  return formatUnits(value, BOTCOIN_DECIMALS);
}

export async function readStakePosition(publicClient: PublicClient, contracts: { mining: Address; token: Address }, miner: Address): Promise<StakePosition> {
  const mining = <T>(functionName: string, args: readonly unknown[] = []): Promise<T> =>
    readChain(() => publicClient.readContract({ address: contracts.mining, abi: botcoinMiningAbi, functionName, args }) as Promise<T>, `read ${functionName}() from ${contracts.mining}`);
  const token = <T>(functionName: string, args: readonly unknown[]): Promise<T> =>
    readChain(() => publicClient.readContract({ address: contracts.token, abi: botcoinTokenAbi, functionName, args }) as Promise<T>, `read ${functionName}() from ${contracts.token}`);
  const [staked, withdrawableAt, eligible, tierCount, balance, allowance] = await Promise.all([
    mining<bigint>('stakedAmount', [miner]),
    mining<bigint>('withdrawableAt', [miner]),
    mining<boolean>('isEligible', [miner]),
    mining<bigint>('tierCount'),
    token<bigint>('balanceOf', [miner]),
    token<bigint>('allowance', [miner, contracts.mining]),
  ]);
  const tiers = await Promise.all(
    Array.from({ length: Number(tierCount) }, async (_, index) => {
      const [threshold, credits] = await mining<readonly [bigint, bigint]>('getTier', [BigInt(index)]);
      return { index, threshold, credits };
    }),
  );
  const tier = tiers.filter((t) => staked >= t.threshold).at(-1);
  return { staked, withdrawableAt, eligible, tier, tiers, balance, allowance };
}

/**
 * The approve (only when the allowance is short) and stake transactions, guarded. The stake's
 * simulation needs the approval mined first, so when an approval is pending its simulation
 * reverting on the allowance is expected: it is then guarded again by `guardStakeAfterApproval`.
 */
export async function guardApprove(publicClient: PublicClient, coordinator: CoordinatorBase, amount: bigint, context: GuardContext): Promise<GuardedTransaction> {
  const { transaction } = await getStakeApproveCalldata(coordinator, amount);
  return guardTransaction(publicClient, transaction, { kind: 'approve', userRequested: true, amount }, context);
}

export async function guardStake(publicClient: PublicClient, coordinator: CoordinatorBase, amount: bigint, context: GuardContext): Promise<GuardedTransaction> {
  const { transaction } = await getStakeCalldata(coordinator, amount);
  return guardTransaction(publicClient, transaction, { kind: 'stake', userRequested: true, amount }, context);
}

/** True when a guard refusal is only the stake simulation lacking the approval not yet mined. */
export function isAllowanceShortfall(error: unknown): boolean {
  return error instanceof SimulationRevertedError && /allowance/i.test(error.revert.name);
}

export async function guardUnstake(publicClient: PublicClient, coordinator: CoordinatorBase, context: GuardContext): Promise<GuardedTransaction> {
  const { transaction } = await getUnstakeCalldata(coordinator);
  return guardTransaction(publicClient, transaction, { kind: 'unstake', userRequested: true }, context);
}

/** The withdrawal, guarded; a cooldown still running is reported with the time it ends. */
export async function guardWithdraw(
  publicClient: PublicClient,
  coordinator: CoordinatorBase,
  mining: Address,
  context: GuardContext,
): Promise<GuardedTransaction> {
  const { transaction } = await getWithdrawCalldata(coordinator);
  try {
    return await guardTransaction(publicClient, transaction, { kind: 'withdraw', userRequested: true }, context);
  } catch (error) {
    if (!(error instanceof SimulationRevertedError) || error.revert.name !== 'CooldownNotElapsed') throw error;
    const [readyAt, block] = await Promise.all([
      readChain(() => publicClient.readContract({ address: mining, abi: botcoinMiningAbi, functionName: 'withdrawableAt', args: [context.sender] }) as Promise<bigint>, 'read withdrawableAt()'),
      readChain(() => publicClient.getBlock({ blockTag: 'latest' }), 'read the latest block'),
    ]);
    const wait = readyAt > block.timestamp ? readyAt - block.timestamp : 0n;
    throw new MinerError('GUARD_REFUSED', `The unstake cooldown has not elapsed: the stake can be withdrawn at ${new Date(Number(readyAt) * 1000).toISOString()} (in ${wait} s).`, {
      hint: 'Nothing was sent. Run `botcoin-miner withdraw` again after that time.',
      cause: error,
    });
  }
}
