import { describe, expect, it } from 'vitest';
import { constraintNeeds } from '../../src/solver/constraint-needs.js';
import { parseChallenge } from '../../src/challenge/parse.js';
import { generated } from './replay-fixture.js';

describe('constraintNeeds', () => {
  it('lists each fact the constraints need once, by question and the constraint’s own phrase', () => {
    const g = generated(7n, 'companies');
    const needs = constraintNeeds(g.challenge);
    expect(needs.wordCount).toBe(28);
    expect(needs.forbiddenLetter).toBe('p');
    expect(needs.acrostic).toEqual({ count: 4, questions: [4, 5] });
    expect(needs.needs.map((n) => [n.id, n.questionId, n.phrase, n.numeric])).toEqual([
      ['f1', 'q01', "CEO's last name", false],
      ['f2', 'q03', 'flagship product', false],
      ['f3', 'q05', 'headquarters city', false],
      ['f4', 'q06', 'founding year', true],
      ['f5', 'q05', 'employee count', true],
      ['f6', 'q04', 'patent count', true],
    ]);
    expect(needs.primes.map((p) => [p.need.id, p.modulus, p.offset])).toEqual([['f4', 10, 10]]);
    expect(needs.equations.map((e) => [e.a.need.id, e.b.need.id])).toEqual([['f5', 'f6']]);
  });

  it('shares one need between constraints on the same fact and marks it numeric if any use is', () => {
    const challenge = parseChallenge({
      challengeId: 'needs',
      challengeManifestHash: `0x${'0'.repeat(64)}`,
      doc: '[paragraph_1] x',
      questions: ['a?', 'b?'],
      constraints: [
        'Must include the founding year of the company that answers Question 2.',
        'Must include a prime number equal to nextPrime((founding year of the answer to Question 2 mod 10) + 10), as digits.',
        'Be nice to everyone.',
      ],
      entities: ['A'],
    });
    const needs = constraintNeeds(challenge);
    expect(needs.needs).toEqual([{ id: 'f1', question: 2, questionId: 'q02', phrase: 'founding year', numeric: true }]);
    expect(needs.tokens).toHaveLength(1);
    expect(needs.unknown).toEqual([2]);
  });
});
