import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitParagraphs } from '../../../src/challenge/paragraphs.js';
import { textStatesValue } from '../../../src/challenge/values.js';
import type { ComputeLogicStep, ExtractFactStep, Solution, TraceStep } from '../../../src/challenge/types.js';
import type { EvaluatorKind } from '../../../src/market/protocol/card.js';
import type { FeedbackResponse } from '../../../src/market/protocol/feedback.js';
import { requestEvaluation } from '../../../src/market/student/request.js';
import { nextPrime } from '../../../src/verify/math.js';
import { checkSolution } from '../../../src/verify/check.js';
import { feedbackRequest, referenceAttempt, startMarket, type Attempt, type Market, type ServedTestEvaluator } from '../market-fixture.js';

const attempt: Attempt = referenceAttempt(7n);
const kinds = ['constraint-auditor', 'citation-auditor', 'arithmetic-auditor'] as const;
let market: Market;
const evaluators = new Map<EvaluatorKind, ServedTestEvaluator>();

beforeAll(async () => {
  market = await startMarket();
  for (const kind of kinds) evaluators.set(kind, await market.evaluator(kind));
});

afterAll(async () => {
  await market?.stop();
});

/** One paid evaluation over HTTP, as a student buys it. */
async function audit(kind: EvaluatorKind, solution: Solution): Promise<FeedbackResponse> {
  const evaluator = evaluators.get(kind);
  if (!evaluator) throw new Error(`no ${kind} served`);
  const result = await requestEvaluation(evaluator.card, feedbackRequest(attempt, solution), { account: market.student, budget: market.budget() });
  return result.feedback;
}

const failing = (a: FeedbackResponse) => (a.rubric ?? []).filter((r) => r.status === 'fail');

/** The artifact with the prime constraint's expected prime replaced by the next prime after it. */
function wrongPrime(): { solution: Solution; constraintIndex: number; prime: string } {
  const prime = checkSolution(attempt.challenge, attempt.solution).constraints.find((c) => c.kind === 'prime');
  if (!prime?.expected) throw new Error('the challenge has no prime constraint');
  const other = String(nextPrime(Number(prime.expected) + 1));
  const words = attempt.solution.artifact.split(' ').map((w) => (w === prime.expected ? other : w));
  return { solution: { ...attempt.solution, artifact: words.join(' ') }, constraintIndex: prime.index, prime: prime.expected };
}

/** The first extract step re-cited at a paragraph that states neither its value nor much else. */
function badCitation(): { solution: Solution; stepId: string } {
  const trace = attempt.solution.reasoningTrace;
  const index = trace.findIndex((s) => s.action === 'extract_fact');
  const step = trace[index] as ExtractFactStep;
  const paragraph = splitParagraphs(attempt.challenge.doc).find((p) => !textStatesValue(p.text, step.valueExtracted));
  if (!paragraph) throw new Error('no paragraph without the value');
  const mutated: TraceStep[] = trace.map((s, i) => (i === index ? { ...step, source: `paragraph_${paragraph.n}` } : s));
  return { solution: { ...attempt.solution, reasoningTrace: mutated }, stepId: step.step_id };
}

/** A compute step no later step uses, with its result off by one. */
function arithmeticSlip(): { solution: Solution; stepId: string } {
  const trace = attempt.solution.reasoningTrace;
  const used = new Set(trace.flatMap((s) => (s.action === 'compute_logic' ? (s as ComputeLogicStep).inputs : [])));
  const index = trace.findIndex((s) => s.action === 'compute_logic' && !used.has(s.step_id) && typeof (s as ComputeLogicStep).result === 'number');
  const step = trace[index] as ComputeLogicStep;
  const mutated: TraceStep[] = trace.map((s, i) => (i === index ? { ...step, result: (step.result as number) + 1 } : s));
  return { solution: { ...attempt.solution, reasoningTrace: mutated }, stepId: step.step_id };
}

describe('deterministic auditors, bought over HTTP', () => {
  it.each(kinds)('%s passes the reference solution', async (kind) => {
    const assessment = await audit(kind, attempt.solution);
    expect(assessment.verdict).toBe('pass');
    expect(assessment.reward).toBe(1);
    expect(failing(assessment)).toEqual([]);
  });

  it('the constraint auditor names the prime constraint when the prime is wrong', async () => {
    const { solution, constraintIndex, prime } = wrongPrime();
    const assessment = await audit('constraint-auditor', solution);
    expect(assessment.verdict).toBe('fail');
    const failed = failing(assessment);
    expect(failed.map((r) => r.constraintIndex)).toEqual([constraintIndex]);
    expect(failed[0]?.criterion).toBe(`constraint ${constraintIndex + 1} (prime)`);
    expect(failed[0]?.detail).toContain(`"${prime}"`);
    expect(assessment.critique).toContain(`constraint ${constraintIndex + 1} (prime)`);
  });

  it('the citation auditor names the step whose citation does not support it', async () => {
    const { solution, stepId } = badCitation();
    const assessment = await audit('citation-auditor', solution);
    expect(assessment.verdict).toBe('fail');
    expect(failing(assessment).map((r) => r.stepId)).toEqual([stepId]);
    expect(assessment.critique).toContain(`step ${stepId}`);
    // The other auditors are not distracted by it.
    expect((await audit('arithmetic-auditor', solution)).verdict).toBe('pass');
  });

  it('the arithmetic auditor names the step with the slip and the right result', async () => {
    const { solution, stepId } = arithmeticSlip();
    const assessment = await audit('arithmetic-auditor', solution);
    expect(assessment.verdict).toBe('fail');
    const failed = failing(assessment);
    expect(failed.map((r) => r.stepId)).toEqual([stepId]);
    expect(failed[0]?.detail).toMatch(/= -?\d+(\.\d+)?, not -?\d+/);
    expect((await audit('citation-auditor', solution)).verdict).toBe('pass');
  });
});
