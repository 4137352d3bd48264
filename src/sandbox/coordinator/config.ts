/**
 * The reference coordinator's knobs. Defaults imitate production (spec/protocol.md §§3–9):
 * 600 s tokens, 5-minute nonces, 3 attempts per 15-minute multi-pass session.
 */
import type { Address, Hex } from 'viem';

/** Addresses of an existing deployment (the coordinator then deploys nothing). */
export interface CoordinatorContracts {
  botcoin: Address;
  /** BotcoinMining (wallet lane). */
  mining: Address;
  /** BotcoinMiningRigs (rig lane); its rig registry is read from it (`rigNFT()`). */
  rigMining: Address;
}

export interface RateLimitRule {
  /** Requests allowed per wallet within the window. */
  limit: number;
  windowSeconds: number;
}

/** What a faulty coordinator does to one request. `ok` passes it through. */
export type FaultAction = 'ok' | '429' | '500' | '502' | '503' | 'drop' | 'slow';

export type FaultConfig =
  | { mode: 'off' }
  /** Each request draws one fault with these probabilities (0..1, summing to ≤ 1). */
  | {
      mode: 'random';
      rates: Partial<Record<Exclude<FaultAction, 'ok'>, number>>;
      slowMs?: number;
      /** Only paths starting with one of these prefixes are affected (default: all but /health). */
      paths?: string[];
      /** Seed of the fault draws, for reproducible runs. */
      seed?: number;
    }
  /** The next requests (matching `paths`) get these actions in order; then `ok`. */
  | { mode: 'script'; actions: FaultAction[]; slowMs?: number; paths?: string[] };

/** Ways a hostile coordinator tampers with a pass response's transaction (the miner's guard tests). */
export type HostileMode =
  | 'off'
  | 'foreign-to'
  | 'nonzero-value'
  | 'erc20-transfer'
  | 'wrong-chain'
  | 'foreign-miner';

export interface CoordinatorConfig {
  /** JSON-RPC URL of the chain (anvil on loopback in the sandbox). */
  rpcUrl: string;
  /** Key the mining contracts trust as `coordinatorSigner`; signs receipts. */
  signerKey: Hex;
  /** Key that sends the operator transactions (commit, reveal, fund, finalize). Default: `signerKey`. */
  operatorKey?: Hex;
  /**
   * An existing deployment to serve (same ABI as the sandbox contracts): nothing is deployed,
   * `signerKey` must be its `coordinatorSigner`, and `operatorKey` its owner for the operator
   * duties. Absent: `startCoordinator` deploys a fresh sandbox set (see `deploy`).
   */
  contracts?: CoordinatorContracts;
  /** Used only when `contracts` is absent: deployer key (default `operatorKey`) and epoch length. */
  deploy?: { deployerKey?: Hex; epochDurationSeconds?: number };
  /** Listening port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** Bearer token lifetime (default 600 s). */
  tokenTtlSeconds?: number;
  /** Auth nonce lifetime (default 300 s). */
  nonceTtlSeconds?: number;
  /** Multi-pass sessions: attempts and lifetime from the first attempt (default 3 / 900 s). */
  session?: { maxAttempts?: number; ttlSeconds?: number };
  /** Rig challenges expire this long after issue (default 900 s). */
  rigChallengeTtlSeconds?: number;
  /** Delay before a queued rig attempt is processed (default 50 ms) and the `Retry-After` hint (default 1 s). */
  rigProcessing?: { delayMs?: number; retryAfterSeconds?: number };
  /** Per-wallet limits across both lanes; `false` disables a rule. */
  rateLimit?: { challenges?: RateLimitRule | false; auth?: RateLimitRule | false };
  /** Secret behind epoch secrets and rig authorizations; random when absent (set it to survive restarts). */
  serverSecret?: Hex;
  /**
   * The operator loop: on by default; `intervalMs` between duty passes (default 500); each
   * credited epoch is funded with `epochReward` (default 1M BOTCOIN); every `bonusEvery`-th
   * epoch (default 10; 0 = never) also gets `bonusReward` (default 100k BOTCOIN).
   */
  operator?: { enabled?: boolean; intervalMs?: number; epochReward?: bigint; bonusEvery?: number; bonusReward?: bigint };
  /** Tests and demos only: write `<challengeId>.json` = `{answerKey, solution}` here for each issued challenge. */
  answerKeyDir?: string;
  faults?: FaultConfig;
  hostile?: HostileMode;
  /** Receives failures nobody else sees: operator duty passes, background rig processing, 500s. */
  onError?: (error: unknown) => void;
}

/** The config with every default filled in (keys stay out: only start.ts turns them into accounts). */
export interface ResolvedConfig {
  rpcUrl: string;
  contracts: CoordinatorContracts;
  port: number;
  tokenTtlSeconds: number;
  nonceTtlSeconds: number;
  session: { maxAttempts: number; ttlSeconds: number };
  rigChallengeTtlSeconds: number;
  rigProcessing: { delayMs: number; retryAfterSeconds: number };
  rateLimit: { challenges: RateLimitRule | false; auth: RateLimitRule | false };
  serverSecret: Hex;
  operator: { enabled: boolean; intervalMs: number; epochReward: bigint; bonusEvery: number; bonusReward: bigint };
  answerKeyDir: string | undefined;
  faults: FaultConfig;
  hostile: HostileMode;
}

const TOKEN = 10n ** 18n;

export function resolveConfig(config: CoordinatorConfig, contracts: CoordinatorContracts, randomSecret: () => Hex): ResolvedConfig {
  return {
    rpcUrl: config.rpcUrl,
    contracts,
    port: config.port ?? 0,
    tokenTtlSeconds: config.tokenTtlSeconds ?? 600,
    nonceTtlSeconds: config.nonceTtlSeconds ?? 300,
    session: { maxAttempts: config.session?.maxAttempts ?? 3, ttlSeconds: config.session?.ttlSeconds ?? 900 },
    rigChallengeTtlSeconds: config.rigChallengeTtlSeconds ?? 900,
    rigProcessing: {
      delayMs: config.rigProcessing?.delayMs ?? 50,
      retryAfterSeconds: config.rigProcessing?.retryAfterSeconds ?? 1,
    },
    rateLimit: {
      challenges: config.rateLimit?.challenges ?? { limit: 30, windowSeconds: 60 },
      auth: config.rateLimit?.auth ?? { limit: 30, windowSeconds: 60 },
    },
    serverSecret: config.serverSecret ?? randomSecret(),
    operator: {
      enabled: config.operator?.enabled ?? true,
      intervalMs: config.operator?.intervalMs ?? 500,
      epochReward: config.operator?.epochReward ?? 1_000_000n * TOKEN,
      bonusEvery: config.operator?.bonusEvery ?? 10,
      bonusReward: config.operator?.bonusReward ?? 100_000n * TOKEN,
    },
    answerKeyDir: config.answerKeyDir,
    faults: config.faults ?? { mode: 'off' },
    hostile: config.hostile ?? 'off',
  };
}
