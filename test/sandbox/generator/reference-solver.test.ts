import { describe, it, expect } from 'vitest';
import { generateChallenge, listDomains } from '../../../src/sandbox/generator/index.js';
import { solveWithAnswerKey } from '../../../src/sandbox/generator/reference-solver.js';
import { parseChallenge } from '../../../src/challenge/parse.js';
import { checkSolution } from '../../../src/verify/check.js';
import { keyCheckInputs } from '../../../src/sandbox/coordinator/key-facts.js';
import type { Challenge, ComputeLogicStep, ExtractFactStep, Solution, TraceStep } from '../../../src/challenge/types.js';

const isExtract = (s: TraceStep): s is ExtractFactStep => s.action === 'extract_fact';
const isCompute = (s: TraceStep): s is ComputeLogicStep => s.action === 'compute_logic';

const TOTAL = 1000;
const domains = listDomains().map((d) => d.name);

function failures(challenge: Challenge, solution: Solution, options: Parameters<typeof checkSolution>[2]): string[] {
  const report = checkSolution(challenge, solution, options);
  if (report.pass) return [];
  return [
    ...report.constraints.filter((c) => c.kind !== 'tip' && c.status !== 'pass').map((c) => `constraint ${c.index}: ${c.reason}`),
    ...report.trace.errors.map((e) => `trace ${e.rule} ${e.stepId ?? ''}: ${e.message}`),
    ...(report.answers.correct !== undefined && report.answers.correct < (report.answers.required ?? 0) ? ['answers'] : []),
  ];
}

/** The checker's citation matching dominates the run time; give the big loops room on a busy machine. */
const LOOP_TIMEOUT_MS = 300_000;

describe('reference solver', () => {
  it.each(domains)(
    `passes checkSolution on ${TOTAL / domains.length} %s challenges (${TOTAL} across the four domains), locally and with the answer key`,
    (domain) => {
      const problems: string[] = [];
      for (let i = 0; i < TOTAL / domains.length; i += 1) {
        const seed = 0x5eed_0000n + BigInt(i);
        const { payload, answerKey } = generateChallenge({ seed, domain });
        const challenge = parseChallenge(payload);
        const solution = solveWithAnswerKey(challenge, answerKey);
        expect(Object.keys(solution.submittedAnswers)).toEqual(challenge.questions.map((q) => q.id));
        const local = failures(challenge, solution, {});
        const keyed = failures(challenge, solution, { ...keyCheckInputs(answerKey), requiredCorrect: challenge.questions.length });
        for (const f of [...local.map((x) => `local ${x}`), ...keyed.map((x) => `key ${x}`)]) problems.push(`seed ${seed}: ${f}`);
      }
      expect(problems.slice(0, 20)).toEqual([]);
    },
    LOOP_TIMEOUT_MS,
  );

  it('cites the trap at its confirmed paragraph with the correct value, never the preliminary one', () => {
    for (const domain of domains) {
      const { payload, answerKey } = generateChallenge({ seed: 11n, domain });
      const solution = solveWithAnswerKey(parseChallenge(payload), answerKey);
      const { trap } = answerKey;
      const steps = solution.reasoningTrace.filter(isExtract).filter((s) => s.targetEntity === trap.entity && s.attribute === trap.attribute);
      for (const s of steps) {
        expect(s.valueExtracted).toBe(trap.correctValue);
        expect(trap.correctParagraphs.map((n) => `paragraph_${n}`)).toContain(s.source);
      }
    }
  });

  it('traces relative values as base + delta + add/subtract', () => {
    let seen = 0;
    for (let seed = 1n; seed <= 10n; seed += 1n) {
      const { payload, answerKey } = generateChallenge({ seed, domain: 'companies' });
      const solution = solveWithAnswerKey(parseChallenge(payload), answerKey);
      for (const delta of solution.reasoningTrace.filter(isExtract).filter((s) => s.attribute.endsWith('.delta'))) {
        seen += 1;
        const fact = answerKey.facts.find((f) => f.entity === delta.targetEntity && `${f.attribute}.delta` === delta.attribute)!;
        expect(delta.source).toBe(`paragraph_${fact.relative!.paragraph}`);
        const combine = solution.reasoningTrace.filter(isCompute).find((s) => s.inputs.includes(delta.step_id));
        expect(combine?.operation).toBe(fact.relative!.delta >= 0 ? 'add' : 'subtract');
        expect(combine?.result).toBe(fact.value);
      }
    }
    expect(seen).toBeGreaterThan(0);
  });

  it('fails the check when an answer key value is tampered with (the test can fail)', () => {
    const { payload, answerKey } = generateChallenge({ seed: 5n, domain: 'quantum_codes' });
    const challenge = parseChallenge(payload);
    const prime = answerKey.constraints.find((c) => c.kind === 'prime')!;
    const tampered = { ...answerKey, constraints: answerKey.constraints.map((c) => (c === prime ? { ...c, expected: Number(c.expected) + 1 } : c)) };
    const solution = solveWithAnswerKey(challenge, tampered);
    expect(checkSolution(challenge, solution, { ...keyCheckInputs(answerKey) }).pass).toBe(false);
  });
});
