import { describe, expect, it } from 'vitest';
import { parseChallenge } from '../../../src/challenge/parse.js';
import { generateChallenge, listDomains } from '../../../src/sandbox/generator/index.js';
import { solveWithAnswerKey } from '../../../src/sandbox/generator/reference-solver.js';
import { answerKeyFacts, keyCheckInputs } from '../../../src/sandbox/coordinator/key-facts.js';
import { checkSolution } from '../../../src/verify/check.js';

describe('answer-key facts for the coordinator checker', () => {
  const domain = listDomains()[0]!.name;
  const { payload, answerKey } = generateChallenge({ seed: 12345n, domain });
  const challenge = parseChallenge(payload);

  it('answers questions and attribute lookups (by phrase, by key tokens, by alias) from the key', () => {
    const facts = answerKeyFacts(answerKey);
    for (const answer of answerKey.answers) expect(facts.answerTo(answer.number)).toBe(answer.answer);
    expect(facts.answerTo(99)).toBeUndefined();
    const fact = answerKey.facts.find((f) => !f.attribute.includes('.q'))!;
    const phrase = answerKey.attributes.find((a) => a.key === fact.attribute)!.phrase;
    expect(facts.attributeOf(fact.entity, phrase)).toBe(fact.value);
    expect(facts.attributeOf(fact.entity.toUpperCase(), phrase)).toBe(fact.value);
    const aliased = answerKey.entities.find((e) => e.aliases.length > 0);
    if (aliased) {
      const own = answerKey.facts.find((f) => f.entity === aliased.name && f.attribute === fact.attribute)!;
      expect(facts.attributeOf(aliased.aliases[0]!, phrase)).toBe(own.value);
    }
    expect(facts.attributeOf('No Such Entity', phrase)).toBeUndefined();
  });

  it('passes the reference solution and fails a solution with wrong answers', () => {
    const inputs = keyCheckInputs(answerKey);
    const solution = solveWithAnswerKey(challenge, answerKey);
    expect(checkSolution(challenge, solution, { ...inputs, requiredCorrect: 6 }).pass).toBe(true);
    const wrong = { ...solution, submittedAnswers: Object.fromEntries(Object.keys(solution.submittedAnswers).map((k) => [k, 'nobody'])) };
    const report = checkSolution(challenge, wrong, { ...inputs, requiredCorrect: 6 });
    expect(report.pass).toBe(false);
    expect(report.answers.correct).toBe(0);
  });
});
