import { describe, it, expect } from 'vitest';
import { checkSolution } from '../../src/verify/check.js';
import { solutionFacts } from '../../src/verify/facts.js';
import type { FactSource } from '../../src/verify/types.js';
import { loadChallenge, loadSolution, step } from './fixture.js';

describe('solutionFacts (the local fact source)', () => {
  it('answers by question number through the normalised question id', () => {
    const facts = solutionFacts(loadChallenge(), loadSolution());
    expect(facts.answerTo(1)).toBe('Northwind Analytics');
    expect(facts.answerTo(10)).toBe('3');
    expect(facts.answerTo(11)).toBeUndefined();
  });

  it('takes the last extraction of a value, so the audited figure overrides the preliminary one', () => {
    const facts = solutionFacts(loadChallenge(), loadSolution());
    expect(facts.attributeOf('Helix Robotics', 'Q1 revenue')).toBe(233);
  });

  it('matches entities case-insensitively and through aliases the document introduces', () => {
    const facts = solutionFacts(loadChallenge(), loadSolution());
    expect(facts.attributeOf('helix robotics', 'Q1 revenue')).toBe(233);
    expect(facts.attributeOf('HelixBot', 'founding year')).toBe(1987);
    expect(facts.attributeOf('nwa', 'headquarters city')).toBe('Oslo');
  });

  it('matches the attribute phrase to the canonical key', () => {
    const facts = solutionFacts(loadChallenge(), loadSolution());
    expect(facts.attributeOf('Orchid Logistics', "lead researcher's last name")).toBe('Haddad');
    expect(facts.attributeOf('Orchid Logistics', 'headquarters city')).toBeUndefined();
  });

  it('resolves a value the trace derives from a base value and a delta', () => {
    const facts = solutionFacts(loadChallenge(), loadSolution());
    expect(facts.attributeOf('Orchid Logistics', 'Q2 revenue')).toBe(433);
    expect(facts.attributeOf('Bluewater Genomics', 'Q2 revenue')).toBe(310);
  });

  it('does not resolve a delta without its base extract', () => {
    const solution = loadSolution();
    step(solution, 'c6').inputs = ['e8', 310];
    expect(solutionFacts(loadChallenge(), solution).attributeOf('Orchid Logistics', 'Q2 revenue')).toBeUndefined();
  });

  it('uses aliases the caller supplies', () => {
    const solution = loadSolution();
    step(solution, 'e1').targetEntity = 'Northwind';
    const facts = solutionFacts(loadChallenge(), solution, { aliases: { 'northwind analytics': ['Northwind'] } });
    expect(facts.attributeOf('Northwind Analytics', 'headquarters city')).toBe('Oslo');
  });
});

/** The answer key of the fixture, written out by hand, as the coordinator would hold it. */
const KEY_ANSWERS: Record<string, string> = {
  q01: 'Northwind Analytics',
  q02: 'Helix Robotics',
  q03: 'Orchid Logistics',
  q04: 'Helix Robotics',
  q05: 'Copperleaf Systems',
  q06: 'Orchid Logistics',
  q07: 'Helix Robotics',
  q08: '1013',
  q09: 'Bluewater Genomics',
  q10: '3',
};
const KEY_VALUES: Record<string, string | number> = {
  'Northwind Analytics|headquarters city': 'Oslo',
  'Helix Robotics|founding year': 1987,
  "Orchid Logistics|lead researcher's last name": 'Haddad',
  'Helix Robotics|Q1 revenue': 233,
  'Copperleaf Systems|founding year': 2011,
  'Orchid Logistics|Q2 revenue': 433,
};
const keyFacts: FactSource = {
  answerTo: (n) => KEY_ANSWERS[`q${String(n).padStart(2, '0')}`],
  attributeOf: (entity, phrase) => KEY_VALUES[`${entity}|${phrase}`],
};

describe('coordinator mode (facts and expected answers from the key)', () => {
  it('passes the correct solution with every answer right', () => {
    const report = checkSolution(loadChallenge(), loadSolution(), { facts: keyFacts, expectedAnswers: KEY_ANSWERS });
    expect(report.answers).toMatchObject({ provided: 10, total: 10, correct: 10, required: 6 });
    expect(report.pass).toBe(true);
  });

  it('a wrong answer with the artifact still right fails only the answer count', () => {
    const solution = loadSolution();
    solution.submittedAnswers.q07 = 'Bluewater Genomics';
    const report = checkSolution(loadChallenge(), solution, { facts: keyFacts, expectedAnswers: KEY_ANSWERS, requiredCorrect: 10 });
    expect(report.constraints.every((c) => c.status === 'pass')).toBe(true);
    expect(report.trace.valid).toBe(true);
    expect(report.answers).toMatchObject({ correct: 9, required: 10 });
    expect(report.answers.byQuestion.filter((a) => a.correct === false)).toEqual([
      { id: 'q07', number: 7, answer: 'Bluewater Genomics', correct: false, expected: 'Helix Robotics' },
    ]);
    expect(report.pass).toBe(false);
  });

  it('needs 6 correct answers by default', () => {
    const solution = loadSolution();
    for (const id of ['q01', 'q02', 'q03', 'q04']) solution.submittedAnswers[id] = 'Northwind Assurance';
    expect(checkSolution(loadChallenge(), solution, { facts: keyFacts, expectedAnswers: KEY_ANSWERS }).pass).toBe(true);
    solution.submittedAnswers.q05 = 'Northwind Assurance';
    const report = checkSolution(loadChallenge(), solution, { facts: keyFacts, expectedAnswers: KEY_ANSWERS });
    expect(report.answers).toMatchObject({ correct: 5, required: 6 });
    expect(report.pass).toBe(false);
  });

  it('compares entity answers case-insensitively and trimmed, integers as exact decimal strings', () => {
    const solution = loadSolution();
    solution.submittedAnswers.q01 = '  northwind ANALYTICS ';
    solution.submittedAnswers.q08 = '1,013';
    solution.submittedAnswers.q10 = ' 3 ';
    const report = checkSolution(loadChallenge(), solution, { facts: keyFacts, expectedAnswers: KEY_ANSWERS });
    const correct = Object.fromEntries(report.answers.byQuestion.map((a) => [a.id, a.correct]));
    expect(correct).toMatchObject({ q01: true, q08: false, q10: true });
  });

  it('constraint inputs come from the key, not from the solution', () => {
    const solution = loadSolution();
    solution.submittedAnswers.q01 = 'Orchid Logistics';
    const local = checkSolution(loadChallenge(), solution);
    const coordinator = checkSolution(loadChallenge(), solution, { facts: keyFacts, expectedAnswers: KEY_ANSWERS });
    // Locally, Question 1's answer is now Orchid (HQ unknown in the trace; initials O, L).
    expect(local.constraints.filter((c) => c.status !== 'pass').map((c) => c.index)).toEqual([1, 6]);
    expect(coordinator.constraints.every((c) => c.status === 'pass')).toBe(true);
  });
});
