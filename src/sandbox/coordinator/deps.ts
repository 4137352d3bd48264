/** Everything the coordinator app needs, built by `startCoordinator` (or by a test). */
import type { LocalAccount } from 'viem';
import type { AuthStore } from './auth-store.js';
import type { ChainReader, EpochClock } from './chain-reader.js';
import type { ChallengeStore } from './challenge-store.js';
import type { HostileMode, ResolvedConfig } from './config.js';
import type { FaultPlan } from './middleware/faults.js';
import type { EpochOperator } from './operator.js';
import type { RateLimiter } from './rate-limiter.js';
import type { ReceiptDomains, SignedReceipt } from './receipt-signer.js';
import type { RigAttemptStore } from './rig-attempts.js';
import type { SessionStore } from './sessions.js';

/** A wallet-lane pass response, cached in its session. */
export type PassResponse = SignedReceipt & { pass: true };

export interface CoordinatorState {
  auth: AuthStore;
  rateLimiter: RateLimiter;
  challenges: ChallengeStore;
  walletSessions: SessionStore<PassResponse>;
  rigSessions: SessionStore<SignedReceipt>;
  attempts: RigAttemptStore;
}

export interface CoordinatorDeps {
  config: ResolvedConfig;
  chainId: number;
  reader: ChainReader;
  clock: EpochClock;
  operator: EpochOperator;
  signer: LocalAccount;
  domains: ReceiptDomains;
  state: CoordinatorState;
  faults: FaultPlan;
  hostile: () => HostileMode;
  now: () => number;
  /** Receives background failures (rig processing, answer-key dumps); default: ignored. */
  onError?: (error: unknown) => void;
}

