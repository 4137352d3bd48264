import { bench, describe } from 'vitest';
import { generateChallenge, listDomains } from '../../src/sandbox/generator/index.js';
import { solveWithAnswerKey } from '../../src/sandbox/generator/reference-solver.js';
import { parseChallenge } from '../../src/challenge/parse.js';

let seed = 1n;

describe('challenge generator', () => {
  for (const { name } of listDomains()) {
    bench(`generate one ${name} challenge`, () => {
      seed += 1n;
      generateChallenge({ seed, domain: name });
    });
  }

  const { payload, answerKey } = generateChallenge({ seed: 7n, domain: 'companies' });
  const challenge = parseChallenge(payload);
  bench('reference solution for one companies challenge', () => {
    solveWithAnswerKey(challenge, answerKey);
  });
});
