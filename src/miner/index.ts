/**
 * The miner engine (spec/miner.md §1): the CLI, the tests and the MCP integration call these.
 * openMinerSession → mine (or fetchChallenge / solveOnce / submitOnce for the agent flow's single
 * steps) → close. Crash recovery runs inside mine and submit, and on demand (`receipts retry`).
 * Events: events.ts (schema v1).
 */
export { openMinerSession, walletAddressFor, parseLane, parseStrategy, type MinerSession, type MinerSettings } from './session.js';
export { mine, type MineOptions, type MineSummary, type ChallengeResult } from './mine.js';
export { runChallenge, fetchChallenge, attemptChallenge, submitSolved, MAX_ATTEMPTS, SESSION_MS, type ChallengeOutcome, type ChallengeOptions, type SubmitOutcome } from './attempt-loop.js';
export { solveOnce, type SolveOnceResult } from './solve-once.js';
export { submitOnce } from './submit-once.js';
export { saveCurrentChallenge, loadChallenge, CURRENT_CHALLENGE_FILE, type StoredChallenge } from './current-challenge.js';
export { attemptHistory } from './history.js';
export { recoverReceipts, type RecoveryReport } from './recovery.js';
export { settlePass, StaleReceiptError, UNSIGNED_PASS_DROPPED, type PassReceipt, type SettledReceipt } from './receipt-flow.js';
// Paid feedback (`openFeedbackMarket`) lives in './evaluation.js': imported on demand, it loads the market library.
export type { FeedbackMarket, EvaluationSettings } from './evaluation.js';
export { CapGuard, type DailyCaps } from './caps.js';
export { RateGate } from './rate-gate.js';
export { Reporter, type Slot } from './reporter.js';
export { openModel, ANSWER_KEY_MODEL, type ModelSettings, type OpenModel } from './model.js';
export { resolveSandbox, runningSandbox, type SandboxSource } from './sandbox-source.js';
export { CRASH_ENV, type CrashPointName } from './crash-point.js';
export { MINER_EVENT_VERSION, stampEvent, type MinerEvent, type MinerEventType, type MinerEventInput, type EvaluationEvent, type EventSink, type MinerLane } from './events.js';
