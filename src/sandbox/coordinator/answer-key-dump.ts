/**
 * Tests and demos only: each issued challenge's answer key and reference solution go to
 * `<dir>/<challengeId>.json` so a loopback client (a test, a demo script) can solve it
 * without a model. Never served over HTTP.
 */
import { join } from 'node:path';
import { writeJsonFile } from '../../io/json-file.js';
import type { IssuedChallenge } from './challenge-store.js';

export async function dumpAnswerKey(dir: string, issued: IssuedChallenge): Promise<string> {
  const path = answerKeyPath(dir, issued.challengeId);
  // Loaded only when a dump directory is configured: serving challenges never needs the solver.
  const { solveWithAnswerKey } = await import('../generator/reference-solver.js');
  const solution = solveWithAnswerKey(issued.challenge, issued.answerKey);
  await writeJsonFile(path, { answerKey: issued.answerKey, solution });
  return path;
}

/** Where the dump of `challengeId` lives: the one naming rule readers (the answer-key replay) share. */
export function answerKeyPath(dir: string, challengeId: string): string {
  return join(dir, `${challengeId.replace(/[^A-Za-z0-9._-]/g, '_')}.json`);
}
