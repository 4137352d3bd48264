/**
 * May this wallet earn credits this epoch? Wallet lane: `isEligible` and the stake tier. Rig
 * lane: `wouldBeAuthorizedMiner(rig, operator, epoch)` for every configured rig.
 */
import type { Address, PublicClient } from 'viem';
import { ExitCode } from '../errors.js';
import { readRigChainStatus } from '../rewards/rig-status.js';
import { formatBotcoin, readStakePosition } from '../rewards/staking.js';
import { fail, failFrom, pass } from './check.js';
import type { DoctorCheck } from './types.js';

export async function checkWalletEligibility(publicClient: PublicClient, contracts: { mining: Address; token: Address }, miner: Address): Promise<DoctorCheck> {
  try {
    const position = await readStakePosition(publicClient, contracts, miner);
    const lowest = position.tiers[0];
    if (!position.eligible) {
      return fail(
        'eligibility',
        `${miner} is not eligible: ${formatBotcoin(position.staked)} BOTCOIN staked${lowest ? `, the lowest tier needs ${formatBotcoin(lowest.threshold)}` : ''}`,
        ExitCode.refused,
        lowest ? `Stake at least ${formatBotcoin(lowest.threshold - position.staked)} more BOTCOIN: botcoin-miner stake <amount>.` : 'Stake BOTCOIN: botcoin-miner stake <amount>.',
      );
    }
    const tier = position.tier ? `tier ${position.tier.index + 1} (${position.tier.credits} credits per solve)` : 'eligible';
    const pending = position.withdrawableAt > 0n ? '; an unstake is pending' : '';
    return pass('eligibility', `${formatBotcoin(position.staked)} BOTCOIN staked: ${tier}${pending}`);
  } catch (error) {
    return failFrom('eligibility', error, 'Check the RPC URL and that the skill file lists the mining contract.');
  }
}

export async function checkRigAuthorization(
  publicClient: PublicClient,
  rigMining: Address,
  operator: Address,
  rigIds: readonly bigint[],
  epochId: bigint,
): Promise<DoctorCheck> {
  if (rigIds.length === 0) {
    return fail('eligibility', 'no rig is configured for the rig lane', ExitCode.badInput, 'Set your rig ids: `botcoin-miner config set rigs 1,2` (or RIG_ID), or choose the wallet lane.');
  }
  try {
    const statuses = await Promise.all(rigIds.map((rigId) => readRigChainStatus(publicClient, rigMining, { rigId, operator, epochId })));
    const refused = statuses.filter((s) => !s.authorized).map((s) => s.rigId);
    if (refused.length > 0) {
      return fail(
        'eligibility',
        `${operator} is not authorized to mine rig${refused.length > 1 ? 's' : ''} ${refused.join(', ')} in epoch ${epochId}`,
        ExitCode.refused,
        'Use the rig holder\'s wallet or have the holder delegate the rig to this operator; remove rigs you do not operate from `rigs`.',
      );
    }
    return pass('eligibility', `authorized for rig${rigIds.length > 1 ? 's' : ''} ${rigIds.join(', ')} in epoch ${epochId}`);
  } catch (error) {
    return failFrom('eligibility', error, 'Check the RPC URL and that the skill file lists the rig mining contract.');
  }
}
