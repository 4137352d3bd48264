/**
 * One challenge's paid feedback, as the attempt loop sees it: the critiques for the next solve,
 * and the bought feedback waiting for the coordinator's verdict on the output it judged and on
 * the attempt made after it. Consulting can only help: whatever goes wrong while consulting (a
 * cap, an unreadable reputation file) is reported as a non-fatal error and mining goes on.
 */
import type { Challenge, Solution } from '../challenge/types.js';
// Light on purpose (the market library loads only when feedback is used): the digest and types only.
import { outputDigest } from '../market/protocol/feedback.js';
import type { Consultation, FeedbackMarket, PendingFeedback } from './evaluation.js';
import type { Reporter } from './reporter.js';

/** What an evaluator is shown of an attempt: the solution JSON as submitted. */
export function solutionOutput(solution: Solution): Record<string, unknown> {
  return { artifact: solution.artifact, reasoningTrace: solution.reasoningTrace, submittedAnswers: solution.submittedAnswers };
}

/** The SHA-256 a feedback request binds (its `outputSha256`). */
export function solutionDigest(solution: Solution): string {
  return outputDigest(solutionOutput(solution));
}

/** What the student asks an evaluator, from the coordinator's counts when there are any. */
export function feedbackPrompt(reason: string | undefined): string {
  return reason
    ? `The coordinator rejected this attempt (${reason}). Which answers, facts, computations or constraints are wrong, and what should they be?`
    : 'Before submitting: which answers, facts, computations or constraints of this attempt are wrong, and what should they be?';
}

export class ChallengeFeedback {
  /** Critiques for the next solve (undefined: none were bought). */
  critiques: string[] | undefined;
  private pending: PendingFeedback[] = [];
  /** The coordinator's verdicts on this challenge's submitted outputs, by `solutionDigest`. */
  private readonly verdicts = new Map<string, boolean>();

  constructor(
    private readonly market: FeedbackMarket,
    private readonly reporter: Reporter,
    private readonly challenge: Challenge,
  ) {}

  get evaluateFirst(): boolean {
    return this.market.evaluateFirst;
  }

  /** Evaluate-first: the critiques when an evaluator found a defect in the first candidate, else undefined. */
  async reviewCandidate(solution: Solution): Promise<string[] | undefined> {
    const consulted = await this.consult(1, solution, feedbackPrompt(undefined));
    this.pending = consulted.pending;
    return consulted.anyFail ? consulted.critiques : undefined;
  }

  /** After a rejection with a retry to come: buys critiques of the rejected attempt for the retry. */
  async afterRejection(attempt: number, solution: Solution, reason: string): Promise<void> {
    const consulted = await this.consult(attempt, solution, feedbackPrompt(reason));
    this.critiques = consulted.critiques.length > 0 ? consulted.critiques : undefined;
    this.pending = consulted.pending;
  }

  /** The coordinator judged `solution`: settles the pending feedback (its next attempt is this one). */
  async judged(solution: Solution, verdict: 'pass' | 'fail' | 'void'): Promise<void> {
    if (verdict !== 'void') this.verdicts.set(solutionDigest(solution), verdict === 'pass');
    await this.settle(verdict === 'void' ? undefined : verdict === 'pass');
  }

  /** The challenge ended: feedback bought for a retry that never came still teaches whether its verdict was right. */
  close(): Promise<void> {
    return this.settle(undefined);
  }

  private async settle(nextAttemptPassed: boolean | undefined): Promise<void> {
    const pending = this.pending;
    this.pending = [];
    if (pending.length === 0) return;
    await this.market.settle(this.reporter, pending, { judged: this.verdicts, ...(nextAttemptPassed === undefined ? {} : { nextAttemptPassed }) });
  }

  private async consult(attempt: number, solution: Solution, prompt: string): Promise<Consultation> {
    try {
      return await this.market.consult(this.reporter, { challenge: this.challenge, attempt, solution, prompt });
    } catch (error) {
      await this.reporter.error('evaluation', error, { challengeId: this.challenge.challengeId, fatal: false });
      return { critiques: [], pending: [], anyFail: false };
    }
  }
}
