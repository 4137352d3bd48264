import type { Challenge, Solution } from '../../challenge/types.js';
import type { FeedbackRequest, RubricItem, Verdict } from '../protocol/feedback.js';

/** What an evaluator kind is given: the parsed challenge and attempt, and the raw request. */
export interface EvaluationInput {
  challenge: Challenge;
  solution: Solution;
  request: FeedbackRequest;
  signal?: AbortSignal;
}

/** An evaluator's judgement, before identity, payment and signature are added. */
export interface Assessment {
  verdict: Verdict;
  /** Share of the evaluator's checks that pass, 0..1. */
  reward: number;
  confidence: number;
  critique: string;
  rubric: RubricItem[];
}

export type Evaluate = (input: EvaluationInput) => Promise<Assessment>;
