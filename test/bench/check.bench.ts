/**
 * One local check of a ~100-paragraph challenge (target: under 5 ms): the longest of a few
 * generated `companies` challenges (documents run 62–98 paragraphs) with its reference
 * solution. "First check" pays for parsing constraints, splitting paragraphs and learning
 * aliases (a fresh challenge object misses the per-challenge cache); "repeat" does not.
 */
import { bench, describe } from 'vitest';
import { splitParagraphs } from '../../src/challenge/paragraphs.js';
import { parseChallenge } from '../../src/challenge/parse.js';
import type { Challenge, Solution } from '../../src/challenge/types.js';
import { generateChallenge } from '../../src/sandbox/generator/index.js';
import { solveWithAnswerKey } from '../../src/sandbox/generator/reference-solver.js';
import { checkSolution } from '../../src/verify/check.js';

function longestGenerated(): { challenge: Challenge; solution: Solution; paragraphs: number } {
  const candidates = [1n, 2n, 3n, 4n, 5n, 6n, 7n, 8n].map((seed) => {
    const { payload, answerKey } = generateChallenge({ seed, domain: 'companies' });
    const challenge = parseChallenge(payload);
    return { challenge, solution: solveWithAnswerKey(challenge, answerKey), paragraphs: splitParagraphs(challenge.doc).length };
  });
  return candidates.reduce((best, c) => (c.paragraphs > best.paragraphs ? c : best));
}

const { challenge, solution, paragraphs } = longestGenerated();
if (!checkSolution(challenge, solution).pass) throw new Error('benchmark input does not pass: fix the checker or the generator first');

describe(`checkSolution, ${paragraphs} paragraphs, ${solution.reasoningTrace.length} trace steps`, () => {
  bench('first check of a challenge', () => {
    checkSolution({ ...challenge }, solution);
  });

  bench('repeat check of the same challenge (cached preparation)', () => {
    checkSolution(challenge, solution);
  });
});
