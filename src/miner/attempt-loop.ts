/**
 * One challenge through at most three attempts (spec/protocol.md §9, spec/miner.md §1):
 *
 *   fetch (fresh nonce) → record challenge → [cap check → solve (every model call recorded) →
 *   local check → record attempt → submit → record feedback] × ≤ 3 → on a pass: guard → sign →
 *   durable `signed` record → broadcast → confirm (receipt-flow.ts).
 *
 * Rules:
 * - Nothing is submitted that fails the local check. The strategy already repairs what the
 *   checker reports; if its solution still fails, the challenge is **abandoned** without spending
 *   a coordinator attempt, and the reason is recorded (an `error` record, code ABANDONED).
 * - A failed attempt's counts go to the strategy as `history` for the next attempt; the loop
 *   stops when the coordinator says no retry (`retryAllowed: false`, `attemptsRemaining: 0`),
 *   when the multi-pass session (15 minutes from the first attempt) or the rig challenge
 *   (`challengeExpiresAtMs`) is about to expire, or after three attempts.
 * - Work the coordinator voids (stale, session over, rig cursor moved, epoch commit missing) is
 *   routine: the outcome is `voided` and the caller fetches fresh work.
 * - With paid feedback (`feedback`, challenge-feedback.ts), a rejected attempt's critiques are
 *   bought before the retry and handed to the strategy; with `evaluateFirst` the first candidate
 *   is evaluated before it is submitted. Each feedback's outcome is recorded once the coordinator
 *   has judged. Feedback never stops mining.
 * - A dry run fetches, solves and checks, and stops before the submit: nothing is submitted,
 *   signed or sent, and no attempt is recorded (no coordinator attempt was spent).
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { Challenge, Solution } from '../challenge/types.js';
import type { IssuedChallenge } from '../protocol/index.js';
import type { AttemptRecord as StrategyAttempt, SolveStrategy } from '../solver/strategy.js';
import { checkSolution } from '../verify/check.js';
import type { CheckReport } from '../verify/types.js';
import { isMinerError, MinerError } from '../errors.js';
import { crashPoint } from './crash-point.js';
import { ChallengeFeedback } from './challenge-feedback.js';
import type { FeedbackMarket } from './evaluation.js';
import { fetchWork } from './fetch-work.js';
import { recordChallenge, recordFeedback, recordModelCall } from './records.js';
import { checkProblems } from '../solver/check-summary.js';
import { settlePass, StaleReceiptError, type SettledReceipt } from './receipt-flow.js';
import type { Reporter } from './reporter.js';
import type { MinerSession } from './session.js';
import { newIdempotencyKey, submitAttempt, type Verdict } from './submit-attempt.js';

export const MAX_ATTEMPTS = 3;
/** Multi-pass session lifetime (protocol §9), measured from the first attempt. */
export const SESSION_MS = 15 * 60_000;
/** Do not start an attempt this close to the session's or the rig challenge's expiry. */
const EXPIRY_MARGIN_MS = 30_000;

export type ChallengeOutcome =
  | { kind: 'settled'; challengeId: string; attempts: number; receipt: SettledReceipt }
  | { kind: 'unsolved'; challengeId: string; attempts: number; reason: string }
  | { kind: 'abandoned'; challengeId: string; attempts: number; reason: string }
  | { kind: 'voided'; challengeId: string; attempts: number; reason: string }
  | { kind: 'dry_run'; challengeId: string; solution: Solution; check: CheckReport };

export interface ChallengeOptions {
  strategy: SolveStrategy;
  dryRun?: boolean;
  signal?: AbortSignal;
  /** Runs before every attempt's solve (spend and attempt caps); throws to stop. */
  beforeAttempt?: () => Promise<void> | void;
  /** Live counters: a model call's cost, and each attempt spent. */
  onCost?: (usd: number) => void;
  onAttemptSpent?: () => void;
  /** Paid feedback between a rejected attempt and its retry (and before attempt 1 with evaluateFirst). */
  feedback?: FeedbackMarket;
}

export async function runChallenge(session: MinerSession, reporter: Reporter, options: ChallengeOptions): Promise<ChallengeOutcome> {
  const issued = await fetchChallenge(session, reporter, options.signal);
  return attemptChallenge(session, reporter, issued, options);
}

/** Fetches a new challenge for the reporter's slot (fresh nonce) and records it. */
export async function fetchChallenge(session: MinerSession, reporter: Reporter, signal?: AbortSignal): Promise<IssuedChallenge> {
  const issued = await fetchWork(session, reporter, signal);
  await recordChallenge(session, reporter, issued);
  return issued;
}

/** The attempts on an already fetched and recorded challenge. */
export async function attemptChallenge(session: MinerSession, reporter: Reporter, issued: IssuedChallenge, options: ChallengeOptions): Promise<ChallengeOutcome> {
  const { challenge } = issued;
  const challengeId = challenge.challengeId;
  const history: StrategyAttempt[] = [];
  let firstAttemptAt: number | undefined;
  let lastReason = 'no attempt was made';
  const feedback = options.feedback ? new ChallengeFeedback(options.feedback, reporter, challenge) : undefined;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const expired = expiryReason(challenge, firstAttemptAt);
    if (expired) {
      await feedback?.close();
      return { kind: history.length > 0 ? 'unsolved' : 'voided', challengeId, attempts: history.length, reason: expired };
    }
    await options.beforeAttempt?.();
    let solved: SolvedAttempt;
    try {
      solved = await solveAttempt(session, reporter, challenge, attempt, history, options, feedback?.critiques);
      if (attempt === 1 && feedback?.evaluateFirst && !options.dryRun && solved.check.pass) {
        // Re-solved once when an evaluator found a defect, with its critiques.
        const critiques = await feedback.reviewCandidate(solved.solution);
        if (critiques) solved = await solveAttempt(session, reporter, challenge, attempt, history, options, critiques);
      }
    } catch (error) {
      // The strategy gave up on this challenge (e.g. no artifact can meet its constraints); the model and the config are fine.
      if (!isMinerError(error) || !CHALLENGE_LEVEL_FAILURES.has(error.code)) throw error;
      await feedback?.close();
      return abandon(reporter, challengeId, attempt, history.length, `the strategy gave up: ${error.shortMessage}`);
    }
    if (!solved.check.pass) {
      await feedback?.close();
      return abandon(reporter, challengeId, attempt, history.length, `the solution still fails the local check after ${solved.repairs} repair(s): ${checkProblems(solved.check).slice(0, 3).join('; ')}`);
    }
    reporter.emit({ type: 'attempt', challengeId, attempt, submitted: !options.dryRun, artifact: solved.solution.artifact, wordCount: solved.solution.artifact.split(' ').length });
    if (options.dryRun) return { kind: 'dry_run', challengeId, solution: solved.solution, check: solved.check };

    firstAttemptAt ??= Date.now();
    const verdict = await submitAndRecord(session, reporter, issued, attempt, solved, options);
    await feedback?.judged(solved.solution, verdict.kind);
    if (verdict.kind === 'pass') {
      return { ...(await settle(session, reporter, challenge, verdict)), challengeId, attempts: attempt };
    }
    if (verdict.kind === 'void') {
      await reporter.error('submit', new Error(`Challenge ${challengeId} was voided by the coordinator (${verdict.reason}); fetching fresh work.`), { challengeId, fatal: false, code: 'VOIDED' });
      if (verdict.waitMs) await delay(verdict.waitMs, undefined, options.signal === undefined ? {} : { signal: options.signal });
      return { kind: 'voided', challengeId, attempts: attempt, reason: verdict.reason };
    }
    history.push({ attempt, solution: solved.solution, check: solved.check, feedback: { pass: false, ...counts(verdict.feedback) } });
    lastReason = describeFailure(verdict);
    if (!verdict.feedback.retryAllowed || verdict.feedback.attemptsRemaining === 0 || attempt === MAX_ATTEMPTS) break;
    await feedback?.afterRejection(attempt, solved.solution, lastReason);
  }
  await feedback?.close();
  return { kind: 'unsolved', challengeId, attempts: history.length, reason: lastReason };
}

export type SubmitOutcome =
  | { kind: 'settled'; challengeId: string; attempt: number; receipt: SettledReceipt }
  | { kind: 'rejected'; challengeId: string; attempt: number; verdict: Extract<Verdict, { kind: 'fail' }>; reason: string }
  | { kind: 'voided'; challengeId: string; attempt: number; reason: string };

/**
 * The agent flow's one attempt (`submit`): the calling agent solved it, so the loop's local check
 * runs here — a failing solution is refused (CHECK_FAILED, exit 5) before any attempt is spent —
 * then submit, feedback and, on a pass, the receipt.
 */
export async function submitSolved(session: MinerSession, reporter: Reporter, issued: IssuedChallenge, attempt: number, solution: Solution): Promise<SubmitOutcome> {
  const challengeId = issued.challenge.challengeId;
  const check = checkSolution(issued.challenge, solution);
  emitCheck(reporter, challengeId, attempt, check, 0);
  const problems = checkProblems(check);
  if (!check.pass) {
    throw new MinerError('CHECK_FAILED', `The solution fails the local check, so it was not submitted (no attempt spent).`, {
      details: problems.slice(0, 5).join('; '),
      hint: 'Run `botcoin-miner check <challenge> <solution>` for every problem, fix them, and submit again.',
    });
  }
  reporter.emit({ type: 'attempt', challengeId, attempt, submitted: true, artifact: solution.artifact, wordCount: solution.artifact.split(' ').length });
  const verdict = await submitAndRecord(session, reporter, issued, attempt, { solution, check, repairs: 0 }, {});
  if (verdict.kind === 'pass') return { ...(await settle(session, reporter, issued.challenge, verdict)), challengeId, attempt };
  if (verdict.kind === 'void') return { kind: 'voided', challengeId, attempt, reason: verdict.reason };
  return { kind: 'rejected', challengeId, attempt, verdict, reason: describeFailure(verdict) };
}

/** A pass's receipt, guarded, sent and confirmed; a receipt that went stale before signing voids the work. */
async function settle(
  session: MinerSession,
  reporter: Reporter,
  challenge: Challenge,
  verdict: Extract<Verdict, { kind: 'pass' }>,
): Promise<{ kind: 'settled'; receipt: SettledReceipt } | { kind: 'voided'; reason: string }> {
  crashPoint('after-pass');
  try {
    const receipt = await settlePass(session, reporter, {
      challengeId: challenge.challengeId,
      receipt: verdict.receipt,
      ...(verdict.signature ? { signature: verdict.signature } : {}),
      transaction: verdict.transaction,
      ...position(challenge),
    });
    return { kind: 'settled', receipt };
  } catch (error) {
    if (error instanceof StaleReceiptError) return { kind: 'voided', reason: error.shortMessage };
    throw error;
  }
}

/** Strategy errors that end this challenge only; anything else (model down, billing, config) stops the run. */
const CHALLENGE_LEVEL_FAILURES = new Set<string>(['UNSOLVED', 'CHECK_FAILED', 'INVALID_SOLUTION', 'INVALID_PAYLOAD']);

async function abandon(reporter: Reporter, challengeId: string, attempt: number, attempts: number, reason: string): Promise<ChallengeOutcome> {
  await reporter.error('attempt-loop', new Error(`Abandoned challenge ${challengeId} without spending attempt ${attempt}: ${reason}`), { challengeId, fatal: false, code: 'ABANDONED' });
  return { kind: 'abandoned', challengeId, attempts, reason };
}

interface SolvedAttempt {
  solution: Solution;
  check: CheckReport;
  repairs: number;
}

async function solveAttempt(
  session: MinerSession,
  reporter: Reporter,
  challenge: Challenge,
  attempt: number,
  history: StrategyAttempt[],
  options: ChallengeOptions,
  critiques?: string[],
): Promise<SolvedAttempt> {
  const challengeId = challenge.challengeId;
  const outcome = await options.strategy.solve(
    { challenge, attempt, history, ...(critiques ? { critiques } : {}), ...(options.signal ? { signal: options.signal } : {}) },
    {
      ...(session.provider ? { provider: session.provider } : {}),
      onModelCall: async (call) => {
        options.onCost?.(call.costUsd ?? 0);
        await recordModelCall(session.ledger, reporter, call, challengeId, attempt);
      },
    },
  );
  // The loop's own check, whatever the strategy reported: this is the guarantee that nothing
  // failing the local rules is ever submitted.
  const check = checkSolution(challenge, outcome.solution);
  emitCheck(reporter, challengeId, attempt, check, outcome.repairs);
  return { solution: outcome.solution, check, repairs: outcome.repairs };
}

function emitCheck(reporter: Reporter, challengeId: string, attempt: number, check: CheckReport, repairs: number): void {
  reporter.emit({
    type: 'check',
    challengeId,
    attempt,
    pass: check.pass,
    constraintsPassed: check.constraints.filter((c) => c.kind !== 'tip' && c.status === 'pass').length,
    constraintsTotal: check.constraints.filter((c) => c.kind !== 'tip').length,
    traceValid: check.trace.valid,
    repairs,
    problems: checkProblems(check),
  });
}

async function submitAndRecord(
  session: MinerSession,
  reporter: Reporter,
  issued: IssuedChallenge,
  attempt: number,
  solved: SolvedAttempt,
  options: Pick<ChallengeOptions, 'signal' | 'onAttemptSpent'>,
): Promise<Verdict> {
  const challengeId = issued.challenge.challengeId;
  const idempotencyKey = newIdempotencyKey();
  const passed = solved.check.constraints.filter((c) => c.kind !== 'tip' && c.status === 'pass').length;
  await session.ledger.append({
    kind: 'attempt',
    challengeId,
    attempt,
    artifact: solved.solution.artifact,
    reasoningTrace: solved.solution.reasoningTrace,
    submittedAnswers: solved.solution.submittedAnswers,
    modelVersion: session.modelVersion,
    strategy: session.strategyName,
    localCheck: { pass: solved.check.pass, constraintsPassed: passed, constraintsTotal: solved.check.constraints.filter((c) => c.kind !== 'tip').length, traceOk: solved.check.trace.valid },
    ...(reporter.slot.lane === 'rig' ? { idempotencyKey } : {}),
  });
  options.onAttemptSpent?.();
  const verdict = await submitAttempt(session, reporter, { issued, solution: solved.solution, idempotencyKey, ...(options.signal ? { signal: options.signal } : {}) });
  await recordFeedback(session, reporter, challengeId, attempt, verdict);
  return verdict;
}

function expiryReason(challenge: Challenge, firstAttemptAt: number | undefined): string | undefined {
  const now = Date.now();
  if (firstAttemptAt !== undefined && now + EXPIRY_MARGIN_MS > firstAttemptAt + SESSION_MS) return 'the 15-minute multi-pass session is about to expire';
  const expiresAt = challenge.rig?.challengeExpiresAtMs;
  if (expiresAt !== undefined && expiresAt > 0 && now + EXPIRY_MARGIN_MS > expiresAt) return 'the rig challenge is about to expire (challengeExpiresAtMs)';
  return undefined;
}

function position(challenge: Challenge): { epochId?: string; solveIndex?: string } {
  return {
    ...(challenge.epochId === undefined ? {} : { epochId: challenge.epochId }),
    ...(challenge.solveIndex === undefined ? {} : { solveIndex: challenge.solveIndex }),
  };
}

function counts(feedback: Extract<Verdict, { kind: 'fail' }>['feedback']): Omit<NonNullable<StrategyAttempt['feedback']>, 'pass'> {
  const { constraintsPassed, constraintsTotal, questionAnswersCorrect, questionAnswersTotal, questionAnswersRequired } = feedback;
  return {
    ...(constraintsPassed === undefined ? {} : { constraintsPassed }),
    ...(constraintsTotal === undefined ? {} : { constraintsTotal }),
    ...(questionAnswersCorrect === undefined ? {} : { questionAnswersCorrect }),
    ...(questionAnswersTotal === undefined ? {} : { questionAnswersTotal }),
    ...(questionAnswersRequired === undefined ? {} : { questionAnswersRequired }),
  };
}

function describeFailure(verdict: Extract<Verdict, { kind: 'fail' }>): string {
  const f = verdict.feedback;
  const parts = [
    f.constraintsTotal !== undefined ? `constraints ${f.constraintsPassed ?? '?'}/${f.constraintsTotal}` : undefined,
    f.questionAnswersTotal !== undefined ? `answers ${f.questionAnswersCorrect ?? '?'}/${f.questionAnswersTotal} (need ${f.questionAnswersRequired ?? '?'})` : undefined,
    verdict.failedConstraintIndices ? `failed constraints ${verdict.failedConstraintIndices.join(', ')}` : undefined,
  ].filter(Boolean);
  return `rejected${parts.length ? `: ${parts.join(', ')}` : ''}`;
}
