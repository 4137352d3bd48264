/** Where the replay finds a challenge's answer key and reference solution. */
import { readFile } from 'node:fs/promises';
import type { Solution } from '../../challenge/types.js';
import type { AnswerKey } from '../generator/answer-key.js';
import { answerKeyPath } from '../coordinator/answer-key-dump.js';

export interface ReplayEntry {
  answerKey: AnswerKey;
  solution: Solution;
}

export type AnswerKeyLookup = (challengeId: string) => ReplayEntry | undefined | Promise<ReplayEntry | undefined>;

/** Reads `<dir>/<challengeId>.json` as the sandbox coordinator dumps it (answer-key-dump.ts). */
export function answerKeyLookupFromDir(dir: string): AnswerKeyLookup {
  return async (challengeId) => {
    const path = answerKeyPath(dir, challengeId);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      return undefined;
    }
    const parsed = JSON.parse(text) as Partial<ReplayEntry>;
    return parsed.answerKey && parsed.solution ? { answerKey: parsed.answerKey, solution: parsed.solution } : undefined;
  };
}
