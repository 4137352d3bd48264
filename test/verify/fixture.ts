/**
 * The hand-built challenge + solution in test/fixtures/verify/, loaded fresh for each test so
 * a mutation never leaks into the next one. Expected values in the tests are derived by hand
 * from the document (see the comments in check.test.ts), never by the checker.
 */
import { readFileSync } from 'node:fs';
import { parseChallenge } from '../../src/challenge/parse.js';
import { parseSolution } from '../../src/challenge/solution.js';
import type { Challenge, Solution, TraceStep } from '../../src/challenge/types.js';

const read = (name: string): unknown => JSON.parse(readFileSync(new URL(`../fixtures/verify/${name}`, import.meta.url), 'utf8'));

/** The raw payload, for tests that change it before parsing. */
export function challengePayload(): Record<string, unknown> {
  return read('challenge.json') as Record<string, unknown>;
}

export function loadChallenge(): Challenge {
  return parseChallenge(challengePayload());
}

export function loadSolution(): Solution {
  return parseSolution(read('solution.json'));
}

/** The step with this id (the fixture's ids are unique). */
export function step(solution: Solution, id: string): TraceStep & Record<string, unknown> {
  const found = solution.reasoningTrace.find((s) => s.step_id === id);
  if (!found) throw new Error(`fixture has no step ${id}`);
  return found as TraceStep & Record<string, unknown>;
}
