// Rewards life cycle: epochs, credits, claims (regular and bonus, both lanes), staking, rig status.
export { rewardsContracts, requireContract, type RewardsContracts, type RewardsLane } from './contracts.js';
export { readEpoch, type EpochStatus } from './epoch.js';
export { readWalletEpochs, epochState, scanEpochs, SCAN_EPOCHS, type WalletEpochState, type EpochBlocker } from './wallet-epochs.js';
export { readRigEpochs, type RigEpochState, type RigEpochQuery } from './rig-epochs.js';
export { readBonusEpochs, type BonusEpochState, type BonusTarget } from './bonus-epochs.js';
export { findClaims, MAX_CLAIM_EPOCHS, type ClaimBatch, type ClaimScan, type ClaimTarget, type ClaimScanOptions } from './claimable.js';
export { guardClaimBatch } from './claim.js';
export {
  parseBotcoin,
  formatBotcoin,
  readStakePosition,
  guardApprove,
  guardStake,
  guardUnstake,
  guardWithdraw,
  isAllowanceShortfall,
  type StakePosition,
  type StakeTier,
} from './staking.js';
export { readRigChainStatus, rigLedgerStatus, type RigChainStatus, type RigLedgerStatus } from './rig-status.js';
export { sendAndConfirm, paidBy, type SendContext, type SentTransaction } from './execute.js';
export { readChain, probeCall } from './read.js';
