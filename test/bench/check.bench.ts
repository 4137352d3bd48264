/**
 * One local check of a ~100-paragraph challenge with its reference solution (target: under
 * 5 ms). Three temperatures:
 * - "cold": a challenge this process has never seen (every iteration takes the next one from a
 *   pool of generated 90–98-paragraph documents), so the per-challenge preparation and every
 *   per-entity / per-paragraph / per-value cache miss, as for a freshly fetched challenge;
 * - "first check": the same challenge as a new object — preparation (constraints, paragraphs,
 *   aliases) is redone, the text-level caches are warm;
 * - "repeat": the same challenge object, everything cached.
 */
import { bench, describe } from 'vitest';
import { splitParagraphs } from '../../src/challenge/paragraphs.js';
import { parseChallenge } from '../../src/challenge/parse.js';
import type { Challenge, Solution } from '../../src/challenge/types.js';
import { generateChallenge, listDomains } from '../../src/sandbox/generator/index.js';
import { solveWithAnswerKey } from '../../src/sandbox/generator/reference-solver.js';
import { checkSolution } from '../../src/verify/check.js';

interface Case {
  challenge: Challenge;
  solution: Solution;
  paragraphs: number;
}

const MIN_PARAGRAPHS = 90;
const COLD_ITERATIONS = 40;
const COLD_WARMUP_ITERATIONS = 5;

function generated(seed: bigint, domain: string): Case {
  const { payload, answerKey } = generateChallenge({ seed, domain });
  const challenge = parseChallenge(payload);
  return { challenge, solution: solveWithAnswerKey(challenge, answerKey), paragraphs: splitParagraphs(challenge.doc).length };
}

/** Distinct long challenges across the domains (seeds far from the "warm" case's). */
function coldPool(size: number): Case[] {
  const domains = listDomains().map((d) => d.name);
  const pool: Case[] = [];
  for (let seed = 10_000n; pool.length < size; seed += 1n) {
    const c = generated(seed, domains[Number(seed % BigInt(domains.length))] ?? 'companies');
    if (c.paragraphs >= MIN_PARAGRAPHS) pool.push(c);
  }
  return pool;
}

function assertPasses(c: Case): void {
  if (!checkSolution({ ...c.challenge }, c.solution).pass) throw new Error('benchmark input does not pass: fix the checker or the generator first');
}

const longest = [1n, 2n, 3n, 4n, 5n, 6n, 7n, 8n]
  .map((seed) => generated(seed, 'companies'))
  .reduce((best, c) => (c.paragraphs > best.paragraphs ? c : best));
assertPasses(longest);
const pool = coldPool(COLD_ITERATIONS + COLD_WARMUP_ITERATIONS + 5);
let next = 0;

describe(`checkSolution, ${longest.paragraphs} paragraphs, ${longest.solution.reasoningTrace.length} trace steps`, () => {
  bench(
    `cold check of a never-seen challenge (${MIN_PARAGRAPHS}+ paragraphs)`,
    () => {
      const c = pool[next];
      if (!c) throw new Error('cold pool exhausted: raise its size');
      next += 1;
      checkSolution(c.challenge, c.solution);
    },
    { time: 0, iterations: COLD_ITERATIONS, warmupTime: 0, warmupIterations: COLD_WARMUP_ITERATIONS },
  );

  bench('first check of a challenge (new object, warm text caches)', () => {
    checkSolution({ ...longest.challenge }, longest.solution);
  });

  bench('repeat check of the same challenge (cached preparation)', () => {
    checkSolution(longest.challenge, longest.solution);
  });
});
