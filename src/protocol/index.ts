/** The coordinator protocol client (spec/protocol.md): auth, wallet lane, rig lane, read endpoints. */
export { createCoordinatorClient, type CoordinatorClient, type CoordinatorClientOptions } from './client.js';
export type { CoordinatorBase, CoordinatorContext } from './context.js';
export { routes, routePath, skillListing, assertLaneServed, type RouteName } from './routes.js';
export type { UntrustedTransaction, MultiPassFeedback } from './schemas.js';
export type { StaleChallenge, NewChallengeNeeded } from './submission-outcome.js';

export { validateAuthMessage, type AuthMessageFields, type AuthMessageExpectations } from './auth/message.js';
export { requestNonce, type AuthNonce, type NonceResult } from './auth/nonce.js';
export { verifySignature, type VerifyRequest, type VerifyResult, type VerifiedToken } from './auth/verify.js';
export { signIn, type SigningAccount, type SignInOptions, type SignInResult } from './auth/sign-in.js';
export { createTokenManager, type TokenManager, type TokenManagerOptions, type TokenKey, type SignInOutcome, type SignInReason } from './auth/token-manager.js';
export { refreshAtMs, localExpiryMs, REFRESH_LEAD_MIN_MS, REFRESH_LEAD_MAX_MS } from './auth/token-policy.js';
export { createAuthSession, type AuthSession, type AuthSessionOptions, type Lane, type SignInEvent } from './auth/session.js';
export { sendAuthorized } from './auth/authorized.js';
export { isAuthDisabledResponse } from './auth/auth-disabled.js';

export { newRequestNonce } from './wallet-lane/request-nonce.js';
export { getChallenge, type GetChallengeParams, type IssuedChallenge } from './wallet-lane/get-challenge.js';
export { walletSubmission, type WalletSubmission, type WalletSubmissionInput } from './wallet-lane/submission.js';
export { submitSolution, type SubmitOutcome, type SubmitPass, type SubmitFailMultiPass, type SubmitFailSinglePass } from './wallet-lane/submit-solution.js';

export { getRigChallenge, type GetRigChallengeParams } from './rig-lane/get-rig-challenge.js';
export { rigSubmission, type RigSubmission, type RigSubmissionInput } from './rig-lane/rig-submission.js';
export { submitRigSolution, type RigSubmitOptions, type RigSubmitOutcome, type RigSubmitAccepted } from './rig-lane/submit-rig-solution.js';
export { getAttempt, pollAttempt, type AttemptState, type GetAttemptParams, type PollAttemptOptions } from './rig-lane/poll-attempt.js';
export { TERMINAL_STATUSES, type AttemptOutcome, type AttemptSigned, type AttemptRejected, type RigAttemptView } from './rig-lane/attempt.js';
export { RigRefusedError, isRigRefusedError, RIG_REFUSAL_CODES, type RigNextStep } from './rig-lane/refusals.js';

export { getEpoch, type EpochInfo } from './info/epoch.js';
export { getCredits, type CreditsInfo, type CreditsQuery } from './info/credits.js';
export { getClaimCalldata, getBonusClaimCalldata, getBonusStatus, type ClaimParams, type ClaimCalldata, type BonusStatus } from './info/claims.js';
export { getStakeApproveCalldata, getStakeCalldata, getUnstakeCalldata, getWithdrawCalldata, type StakingCalldata } from './info/staking.js';
export { getToken, type TokenInfo } from './info/token.js';
export { getHealth, type HealthInfo } from './info/health.js';
