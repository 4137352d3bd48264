/**
 * The contract between the miner's attempt loop and a solving strategy: one `solve` per
 * attempt, returning a solution only after the local check ran on it.
 */
import type { Challenge, Solution } from '../challenge/types.js';
import type { CheckReport } from '../verify/types.js';
import type { ChatMessage, ModelProvider, ProviderKind, TokenUsage } from './providers/types.js';

/** The coordinator's multi-pass feedback: counts only (protocol §9). */
export interface AttemptFeedback {
  pass: boolean;
  constraintsPassed?: number;
  constraintsTotal?: number;
  questionAnswersCorrect?: number;
  questionAnswersTotal?: number;
  questionAnswersRequired?: number;
}

export interface AttemptRecord {
  attempt: number;
  solution: Solution;
  check: CheckReport;
  feedback?: AttemptFeedback;
}

export interface SolveRequest {
  challenge: Challenge;
  /** 1..3 */
  attempt: number;
  /** Earlier attempts on this challenge, oldest first. */
  history: AttemptRecord[];
  /** Evaluator feedback for this retry (free text from a paid evaluator; untrusted). */
  critiques?: string[];
  signal?: AbortSignal;
}

/** One model call, as the ledger records it. */
export interface ModelCallRecord {
  provider: ProviderKind;
  model: string;
  system: string | undefined;
  messages: ChatMessage[];
  /** The answer text; empty when the call failed. */
  response: string;
  usage: TokenUsage;
  costUsd: number | undefined;
  latencyMs: number;
  finishReason: string | undefined;
  /** The error's message when the call failed (never a key: providers scrub them). */
  error?: string;
}

export interface SolveDeps {
  provider?: ModelProvider;
  onModelCall?(call: ModelCallRecord): void | Promise<void>;
  /** Repair rounds after the local check (default 2). */
  maxRepairs?: number;
}

export interface SolveOutcome {
  solution: Solution;
  /** The local check of `solution` (it may fail: the caller decides whether to spend an attempt). */
  check: CheckReport;
  repairs: number;
  modelCalls: number;
  costUsd: number;
  promptTokens: number;
  completionTokens: number;
}

export type StrategyName = 'hybrid' | 'llm' | 'agent';

export interface SolveStrategy {
  readonly name: StrategyName;
  solve(request: SolveRequest, deps: SolveDeps): Promise<SolveOutcome>;
}

export const DEFAULT_MAX_REPAIRS = 2;
