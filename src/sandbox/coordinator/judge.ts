/**
 * Judges one submission against the issued challenge's answer key, with the same checker the
 * miner runs locally (src/verify/check.ts), and turns a failure into production's multi-pass
 * feedback: counts only, never which constraint or answer was wrong.
 */
import { parseSolution } from '../../challenge/solution.js';
import { isMinerError } from '../../errors.js';
import { checkSolution } from '../../verify/check.js';
import type { CheckReport } from '../../verify/types.js';
import type { IssuedChallenge } from './challenge-store.js';
import { HttpError } from './http-error.js';
import { keyCheckInputs } from './key-facts.js';

const REQUIRED_CORRECT = 6;

export interface Judgement {
  pass: boolean;
  report: CheckReport;
  submittedAnswers: Record<string, string>;
}

export function judgeSubmission(issued: IssuedChallenge, body: Record<string, unknown>): Judgement {
  let solution;
  try {
    solution = parseSolution({
      artifact: body.artifact,
      reasoningTrace: body.reasoningTrace,
      submittedAnswers: body.submittedAnswers,
    });
  } catch (error) {
    if (isMinerError(error)) throw new HttpError(400, 'invalid_submission', error.shortMessage);
    throw error;
  }
  const report = checkSolution(issued.challenge, solution, { ...keyCheckInputs(issued.answerKey), requiredCorrect: REQUIRED_CORRECT });
  return { pass: report.pass, report, submittedAnswers: solution.submittedAnswers };
}

export interface FailureFeedback {
  pass: false;
  retryAllowed: boolean;
  attemptsUsed: number;
  attemptsRemaining: number;
  constraintsPassed: number;
  constraintsTotal: number;
  questionAnswersCorrect: number;
  questionAnswersTotal: number;
  questionAnswersRequired: number;
  retryInstructions: string;
}

export function failureFeedback(report: CheckReport, attemptsUsed: number, attemptsRemaining: number): FailureFeedback {
  const checks = report.constraints.filter((c) => c.kind !== 'tip');
  const retryAllowed = attemptsRemaining > 0;
  return {
    pass: false,
    retryAllowed,
    attemptsUsed,
    attemptsRemaining,
    constraintsPassed: checks.filter((c) => c.status === 'pass').length,
    constraintsTotal: checks.length,
    questionAnswersCorrect: report.answers.correct ?? 0,
    questionAnswersTotal: report.answers.total,
    questionAnswersRequired: report.answers.required ?? REQUIRED_CORRECT,
    retryInstructions: retryAllowed
      ? `Not accepted${report.trace.valid ? '' : ' (the reasoning trace was rejected)'}. Resubmit the same challenge with the same nonce and a complete fresh reasoningTrace.`
      : 'Not accepted and no attempts remain. Request a new challenge with a new nonce.',
  };
}
