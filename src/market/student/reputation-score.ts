/**
 * Earned reputation: Beta posteriors over what mining reveals after the coordinator's verdict.
 *
 *   helped    ~ Beta(1 + h, 1 + n)  "the feedback preceded a pass" (next attempt passed)
 *   accurate  ~ Beta(1 + r, 1 + w)  the evaluator's pass/fail verdict matched the coordinator's
 *   calibration = 1 − (Σ brier + 0.25) / (count + 1)
 *                 Brier score of its confidence in its own verdict, with one pseudo-observation
 *                 of an uninformed 50 % guess (0.25) as the prior
 *
 *   quality = 0.5·E[helped] + 0.3·E[accurate] + 0.2·calibration
 *   bonus   = κ · sqrt(0.5²·Var[helped] + 0.3²·Var[accurate])      (κ = 1 by default)
 *   score   = (quality + bonus) / price in USD
 *
 * The bonus is the posterior standard deviation of the weighted usefulness (an upper
 * confidence bound): a newcomer with no history gets the widest bound and so gets tried;
 * evidence shrinks it until the mean decides. Dividing by the price ranks usefulness per dollar.
 */

export interface ReputationStats {
  consults: number;
  helped: number;
  notHelped: number;
  correct: number;
  wrong: number;
  brierSum: number;
  brierCount: number;
  updatedAt?: string;
}

export type ReputationSnapshot = Readonly<Record<string, ReputationStats>>;

export const emptyStats = (): ReputationStats => ({ consults: 0, helped: 0, notHelped: 0, correct: 0, wrong: 0, brierSum: 0, brierCount: 0 });

export interface Posterior {
  helpedMean: number;
  accuracyMean: number;
  calibration: number;
  quality: number;
  /** Posterior sd of the weighted usefulness: the exploration bonus before κ. */
  uncertainty: number;
}

const W_HELPED = 0.5;
const W_ACCURATE = 0.3;
const W_CALIBRATION = 0.2;
const UNINFORMED_BRIER = 0.25;

function beta(successes: number, failures: number): { mean: number; variance: number } {
  const a = 1 + successes;
  const b = 1 + failures;
  return { mean: a / (a + b), variance: (a * b) / ((a + b) ** 2 * (a + b + 1)) };
}

export function posterior(stats: ReputationStats = emptyStats()): Posterior {
  const helped = beta(stats.helped, stats.notHelped);
  const accurate = beta(stats.correct, stats.wrong);
  const calibration = 1 - (stats.brierSum + UNINFORMED_BRIER) / (stats.brierCount + 1);
  return {
    helpedMean: helped.mean,
    accuracyMean: accurate.mean,
    calibration,
    quality: W_HELPED * helped.mean + W_ACCURATE * accurate.mean + W_CALIBRATION * calibration,
    uncertainty: Math.sqrt(W_HELPED ** 2 * helped.variance + W_ACCURATE ** 2 * accurate.variance),
  };
}

export interface Outcome {
  /** What the evaluator said about the attempt it judged. */
  feedbackVerdict?: 'pass' | 'fail' | 'unsure';
  /** Its confidence in that verdict, 0..1. */
  confidence?: number;
  /** Did the attempt made after reading the feedback pass? */
  nextAttemptPassed?: boolean;
  /** The coordinator's verdict on the attempt the evaluator judged. */
  coordinatorVerdict?: 'pass' | 'fail';
}

/** The stats after one outcome; an `unsure` verdict counts for neither accuracy nor calibration. */
export function applyOutcome(stats: ReputationStats, outcome: Outcome, now: Date = new Date()): ReputationStats {
  const next = { ...stats, consults: stats.consults + 1, updatedAt: now.toISOString() };
  if (outcome.nextAttemptPassed !== undefined) {
    if (outcome.nextAttemptPassed) next.helped += 1;
    else next.notHelped += 1;
  }
  const decided = outcome.feedbackVerdict === 'pass' || outcome.feedbackVerdict === 'fail';
  if (decided && outcome.coordinatorVerdict !== undefined) {
    const right = outcome.feedbackVerdict === outcome.coordinatorVerdict;
    if (right) next.correct += 1;
    else next.wrong += 1;
    if (outcome.confidence !== undefined) {
      const confidence = Math.min(1, Math.max(0, outcome.confidence));
      next.brierSum += (confidence - (right ? 1 : 0)) ** 2;
      next.brierCount += 1;
    }
  }
  return next;
}
