/**
 * Integration with the sandbox: the reference solver's solution to generated challenges passes
 * the checker, both locally (facts from the solution) and in coordinator mode (facts and
 * answers from the key). The checker's own rules are proved by the hand-built fixture tests;
 * this proves generator, solver, coordinator inputs and checker agree.
 */
import { describe, it, expect } from 'vitest';
import { parseChallenge } from '../../src/challenge/parse.js';
import { keyCheckInputs } from '../../src/sandbox/coordinator/key-facts.js';
import { generateChallenge, listDomains } from '../../src/sandbox/generator/index.js';
import { solveWithAnswerKey } from '../../src/sandbox/generator/reference-solver.js';
import { checkSolution } from '../../src/verify/check.js';
import type { CheckReport } from '../../src/verify/types.js';

const seeds = [1n, 2n, 3n, 42n, 0xdeadbeefn, 2n ** 127n + 5n];

function problems(report: CheckReport): string[] {
  return [
    ...report.constraints.filter((c) => c.status !== 'pass').map((c) => `constraint ${c.index} ${c.status}: ${c.reason}`),
    ...report.trace.errors.map((e) => `${e.rule} ${e.stepId ?? ''}: ${e.message}`),
  ];
}

describe('the reference solution to a generated challenge', () => {
  for (const { name: domain } of listDomains()) {
    it.each(seeds)(`passes in the ${domain} domain (seed %s), locally and against the key`, (seed) => {
      const { payload, answerKey } = generateChallenge({ seed, domain });
      const challenge = parseChallenge(payload);
      const solution = solveWithAnswerKey(challenge, answerKey);
      const local = checkSolution(challenge, solution);
      expect(problems(local)).toEqual([]);
      expect(local.pass).toBe(true);
      const coordinator = checkSolution(challenge, solution, keyCheckInputs(answerKey));
      expect(problems(coordinator)).toEqual([]);
      expect(coordinator.answers).toMatchObject({ correct: 10, required: 6 });
      expect(coordinator.pass).toBe(true);
    });
  }
});
