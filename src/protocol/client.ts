/**
 * createCoordinatorClient: the transport (with the protocol's retry policy), the skill file,
 * and the wallet's token session, with every coordinator operation bound to them. Each
 * operation is also a plain function taking the client first (`getEpoch(client)`).
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { Address } from 'viem';
import { requireAuth } from './auth/authorized.js';
import { createAuthSession, type Lane, type SignInEvent } from './auth/session.js';
import type { SigningAccount } from './auth/sign-in.js';
import type { TokenManager } from './auth/token-manager.js';
import type { CoordinatorBase, CoordinatorContext } from './context.js';
import { createHttpClient } from './http/client.js';
import type { HttpClientOptions, Sleep } from './http/types.js';
import { getBonusClaimCalldata, getBonusStatus, getClaimCalldata, type BonusStatus, type ClaimCalldata, type ClaimParams } from './info/claims.js';
import { getCredits, type CreditsInfo, type CreditsQuery } from './info/credits.js';
import { getEpoch, type EpochInfo } from './info/epoch.js';
import { getHealth, type HealthInfo } from './info/health.js';
import { getStakeApproveCalldata, getStakeCalldata, getUnstakeCalldata, getWithdrawCalldata, type StakingCalldata } from './info/staking.js';
import { getToken, type TokenInfo } from './info/token.js';
import { shouldRetryCoordinator } from './retry-rules.js';
import type { AttemptOutcome } from './rig-lane/attempt.js';
import { getRigChallenge, type GetRigChallengeParams } from './rig-lane/get-rig-challenge.js';
import { getAttempt, pollAttempt, type AttemptState, type GetAttemptParams, type PollAttemptOptions } from './rig-lane/poll-attempt.js';
import type { RigSubmission } from './rig-lane/rig-submission.js';
import { submitRigSolution, type RigSubmitOptions, type RigSubmitOutcome } from './rig-lane/submit-rig-solution.js';
import type { SkillInfo } from './skill/types.js';
import { getChallenge, type GetChallengeParams, type IssuedChallenge } from './wallet-lane/get-challenge.js';
import { submitSolution, type SubmitOutcome } from './wallet-lane/submit-solution.js';
import type { WalletSubmission } from './wallet-lane/submission.js';

export interface CoordinatorClientOptions {
  baseUrl: string;
  /** The wallet that signs in (personal_sign only); absent = public calls only. */
  account?: SigningAccount;
  /** The coordinator's skill file: which lanes and routes it serves. */
  skill?: SkillInfo;
  http?: Omit<HttpClientOptions, 'baseUrl'>;
  /** The chain the sign-in message must name (e.g. 8453); default: any, recorded. */
  chainId?: number;
  agentId?: string;
  onSignIn?: (event: SignInEvent) => void;
  /** Share one token manager between clients of the same wallet. */
  tokens?: TokenManager;
  /** Injectable clock and jitter source (token refresh), for tests. */
  now?: () => number;
  random?: () => number;
}

export interface CoordinatorClient extends CoordinatorContext {
  /** The bearer token for `lane` (signing in if needed); undefined when the coordinator has auth disabled. */
  signIn(lane: Lane): Promise<string | undefined>;
  getChallenge(params?: GetChallengeParams): Promise<IssuedChallenge>;
  submitSolution(body: WalletSubmission): Promise<SubmitOutcome>;
  getRigChallenge(params: GetRigChallengeParams): Promise<IssuedChallenge>;
  submitRigSolution(body: RigSubmission, options?: RigSubmitOptions): Promise<RigSubmitOutcome>;
  getAttempt(attemptId: string, params?: GetAttemptParams): Promise<AttemptState>;
  pollAttempt(attemptId: string, options?: PollAttemptOptions): Promise<AttemptOutcome>;
  getEpoch(): Promise<EpochInfo>;
  getCredits(query: CreditsQuery): Promise<CreditsInfo>;
  getClaimCalldata(params: ClaimParams): Promise<ClaimCalldata>;
  getBonusStatus(params: ClaimParams): Promise<BonusStatus>;
  getBonusClaimCalldata(params: ClaimParams): Promise<ClaimCalldata>;
  getStakeApproveCalldata(amount: bigint): Promise<StakingCalldata>;
  getStakeCalldata(amount: bigint): Promise<StakingCalldata>;
  getUnstakeCalldata(): Promise<StakingCalldata>;
  getWithdrawCalldata(): Promise<StakingCalldata>;
  getToken(): Promise<TokenInfo>;
  getHealth(): Promise<HealthInfo>;
  /** The signed-in wallet's address, if any. */
  readonly address: Address | undefined;
  close(): Promise<void>;
}

const defaultSleep: Sleep = (ms, signal) => delay(ms, undefined, signal === undefined ? {} : { signal });

export function createCoordinatorClient(options: CoordinatorClientOptions): CoordinatorClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const userRetry = options.http?.shouldRetry;
  const http = createHttpClient({
    ...options.http,
    baseUrl,
    shouldRetry: (response) => shouldRetryCoordinator(response) && (userRetry?.(response) ?? true),
  });
  const base: CoordinatorBase = {
    baseUrl,
    http,
    skill: options.skill,
    sleep: options.http?.sleep ?? defaultSleep,
    now: options.now ?? Date.now,
  };
  const auth = options.account
    ? createAuthSession(base, {
        account: options.account,
        ...(options.agentId !== undefined ? { agentId: options.agentId } : {}),
        ...(options.chainId !== undefined ? { chainId: options.chainId } : {}),
        ...(options.random ? { random: options.random } : {}),
        ...(options.onSignIn ? { onSignIn: options.onSignIn } : {}),
        ...(options.tokens ? { tokens: options.tokens } : {}),
      })
    : undefined;
  const context: CoordinatorContext = { ...base, auth };
  return {
    ...context,
    address: auth?.address,
    signIn: (lane) => requireAuth(context).token(lane),
    getChallenge: (params) => getChallenge(context, params),
    submitSolution: (body) => submitSolution(context, body),
    getRigChallenge: (params) => getRigChallenge(context, params),
    submitRigSolution: (body, submitOptions) => submitRigSolution(context, body, submitOptions),
    getAttempt: (attemptId, params) => getAttempt(context, attemptId, params),
    pollAttempt: (attemptId, pollOptions) => pollAttempt(context, attemptId, pollOptions),
    getEpoch: () => getEpoch(context),
    getCredits: (query) => getCredits(context, query),
    getClaimCalldata: (params) => getClaimCalldata(context, params),
    getBonusStatus: (params) => getBonusStatus(context, params),
    getBonusClaimCalldata: (params) => getBonusClaimCalldata(context, params),
    getStakeApproveCalldata: (amount) => getStakeApproveCalldata(context, amount),
    getStakeCalldata: (amount) => getStakeCalldata(context, amount),
    getUnstakeCalldata: () => getUnstakeCalldata(context),
    getWithdrawCalldata: () => getWithdrawCalldata(context),
    getToken: () => getToken(context),
    getHealth: () => getHealth(context),
    close: () => http.close(),
  };
}
