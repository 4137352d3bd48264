/**
 * The whole local check (spec/miner.md §1): every constraint, the trace, and the answers.
 * The miner runs it with the solution as the fact source; the sandbox coordinator runs the
 * same code with `facts` and `expectedAnswers` built from the answer key.
 */
import type { AliasMap } from '../challenge/entities.js';
import type { Challenge, Solution } from '../challenge/types.js';
import { viewArtifact } from './constraints/artifact.js';
import { evaluateConstraint } from './constraints/evaluate.js';
import { solutionFacts } from './facts.js';
import { prepareChallenge } from './prepared.js';
import { validateTrace } from './trace.js';
import type { AnswerResult, AnswersReport, CheckReport, ConstraintResult, FactSource } from './types.js';

export interface CheckOptions {
  /** Where constraint inputs come from; default: the solution's answers and trace facts. */
  facts?: FactSource;
  /** Question id → correct answer (coordinator mode). */
  expectedAnswers?: Record<string, string>;
  aliases?: AliasMap;
  /** Correct answers needed when `expectedAnswers` is given (default 6). */
  requiredCorrect?: number;
}

const DEFAULT_REQUIRED_CORRECT = 6;

/** Integers compare as exact decimal strings; anything else (entity names, categories) case-insensitively. */
export function answerIsCorrect(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = given.trim();
  const b = expected.trim();
  return /^-?\d+$/.test(b) ? a === b : a.toLowerCase() === b.toLowerCase();
}

function answersReport(challenge: Challenge, solution: Solution, options: CheckOptions): AnswersReport {
  const expected = options.expectedAnswers;
  const byQuestion = challenge.questions.map((q): AnswerResult => {
    const answer = solution.submittedAnswers[q.id];
    const result: AnswerResult = { id: q.id, number: q.number, ...(answer === undefined ? {} : { answer }) };
    const want = expected?.[q.id];
    return want === undefined ? result : { ...result, correct: answerIsCorrect(answer, want), expected: want };
  });
  const provided = byQuestion.filter((a) => a.answer !== undefined && a.answer.trim() !== '').length;
  const report: AnswersReport = { provided, total: challenge.questions.length, byQuestion };
  if (!expected) return report;
  return {
    ...report,
    correct: byQuestion.filter((a) => a.correct === true).length,
    required: options.requiredCorrect ?? DEFAULT_REQUIRED_CORRECT,
  };
}

/** An `unchecked` constraint is not passing: the miner could not show the artifact is right. */
const passes = (c: ConstraintResult): boolean => c.kind === 'tip' || c.status === 'pass';

export function checkSolution(challenge: Challenge, solution: Solution, options: CheckOptions = {}): CheckReport {
  const prepared = prepareChallenge(challenge);
  const aliases = options.aliases ? { aliases: options.aliases } : {};
  const facts = options.facts ?? solutionFacts(challenge, solution, aliases);
  const artifact = viewArtifact(solution.artifact);
  const constraints = prepared.constraints.map((c) => evaluateConstraint(c, artifact, facts));
  const trace = validateTrace(challenge, solution.reasoningTrace, aliases);
  const answers = answersReport(challenge, solution, options);
  const enoughCorrect = answers.required === undefined || (answers.correct ?? 0) >= answers.required;
  return { pass: constraints.every(passes) && trace.valid && enoughCorrect, constraints, trace, answers };
}
