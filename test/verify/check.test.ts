/**
 * checkSolution on the hand-built fixture (test/fixtures/verify/). Hand derivation of what the
 * constraints demand, from the document:
 *   c1 HQ city of Q1's answer (Northwind Analytics, ¶2)                       → "Oslo"
 *   c2 founding year of Q2's answer (Helix Robotics, ¶4)                      → "1987"
 *   c3 lead researcher's last name of Q3's answer (Orchid Logistics, ¶9)      → "Haddad"
 *   c4 Q1 revenue of Q4's answer (Helix: preliminary 228 ¶5, audited 233 ¶11) → 233 mod 50 = 33, +10 = 43, prime 43
 *   c5 A = Copperleaf founded 2011 (¶6): 2011 mod 90 = 31, +10 = 41;
 *      B = Orchid Q2 = BWG Q2 310 (¶8) + 123 (¶10) = 433: 433 mod 10 = 3, +10 = 13  → "41+13=54"
 *   c6 initials(Northwind Analytics) + initials(Helix Robotics), first 4       → "NAHR"
 *   c7 no letter "j"; the artifact has 24 words.
 */
import { describe, it, expect } from 'vitest';
import type { Challenge, Solution } from '../../src/challenge/types.js';
import { parseChallenge } from '../../src/challenge/parse.js';
import { checkSolution } from '../../src/verify/check.js';
import type { CheckReport } from '../../src/verify/types.js';
import { challengePayload, loadChallenge, loadSolution, step } from './fixture.js';

const notPassing = (report: CheckReport): number[] => report.constraints.filter((c) => c.status !== 'pass').map((c) => c.index);
const traceRules = (report: CheckReport): string[] => report.trace.errors.map((e) => e.rule).sort();

describe('the hand-built fixture', () => {
  it('passes every constraint, the trace and the answers', () => {
    const report = checkSolution(loadChallenge(), loadSolution());
    expect(notPassing(report)).toEqual([]);
    expect(report.trace).toEqual({ valid: true, errors: [], citationRate: 1, stepCount: 20 });
    expect(report.answers).toMatchObject({ provided: 10, total: 10 });
    expect(report.pass).toBe(true);
  });

  it('derives the expected value of every constraint', () => {
    const report = checkSolution(loadChallenge(), loadSolution());
    expect(report.constraints.map((c) => c.expected)).toEqual(['24', 'Oslo', '1987', 'Haddad', '43', '41+13=54', 'NAHR', 'j', undefined]);
  });
});

describe('artifact mutations fail exactly the broken constraint', () => {
  const cases: Array<[string, (artifact: string) => string, number, string]> = [
    ['one word too many', (a) => `${a} indeed`, 0, '25 words, needs exactly 24'],
    ['one word too few', (a) => a.replace('clearly ', ''), 0, '23 words, needs exactly 24'],
    ['a double space', (a) => a.replace('steady margins', 'steady  margins'), 0, 'double space after "steady"'],
    ['a second line', (a) => a.replace(' today.', '\ntoday.'), 0, 'not a single line'],
    ['the forbidden letter', (a) => a.replace('steady', 'jumpy'), 7, 'forbidden letter "j" in "jumpy"'],
    ['a wrong prime', (a) => a.replace('near 43', 'near 47'), 4, 'prime: 43 does not appear as a number'],
    ['a wrong equation term', (a) => a.replace('41+13=54', '41+12=53'), 5, 'equation: needs 41+13=54; found "41+12=53"'],
    ['a wrong acrostic letter', (a) => a.replace('analysts', 'experts'), 6, 'word 2 "experts" starts with "e", needs "A"'],
    ['a required token misspelt', (a) => a.replace('Haddad', 'Hadad'), 3, 'required token: "Haddad"'],
  ];

  it.each(cases)('%s', (_name, mutate, index, reason) => {
    const solution = loadSolution();
    solution.artifact = mutate(solution.artifact);
    const report = checkSolution(loadChallenge(), solution);
    expect(notPassing(report)).toEqual([index]);
    expect(report.constraints[index]?.status).toBe('fail');
    expect(report.constraints[index]?.reason).toContain(reason);
    expect(report.trace.valid).toBe(true);
    expect(report.pass).toBe(false);
  });
});

describe('constraint inputs the solution does not provide', () => {
  it('a required value missing from the trace leaves that constraint unchecked, not failed', () => {
    const solution = loadSolution();
    solution.reasoningTrace = solution.reasoningTrace.filter((s) => s.step_id !== 'e1');
    const report = checkSolution(loadChallenge(), solution);
    expect(notPassing(report)).toEqual([1]);
    expect(report.constraints[1]).toMatchObject({
      status: 'unchecked',
      reason: 'cannot check: no fact for the headquarters city of Northwind Analytics (the answer to Question 1)',
    });
    expect(report.trace.valid).toBe(true);
    expect(report.pass).toBe(false);
  });

  it('a missing answer leaves the constraints that need it unchecked', () => {
    const solution = loadSolution();
    delete solution.submittedAnswers.q02;
    const report = checkSolution(loadChallenge(), solution);
    expect(notPassing(report)).toEqual([2, 6]);
    expect(report.constraints[6]?.reason).toBe('cannot check: no answer to Question 2');
    expect(report.answers).toMatchObject({ provided: 9, total: 10 });
  });

  it('the last extraction of a value wins: the preliminary figure extracted last changes the prime', () => {
    const solution = loadSolution();
    const preliminary = step(solution, 'e4');
    solution.reasoningTrace = [...solution.reasoningTrace.filter((s) => s !== preliminary), preliminary];
    const report = checkSolution(loadChallenge(), solution);
    // 228 mod 50 = 28, + 10 = 38 → 41 (which the artifact happens to contain, inside 41+13=54)
    expect(report.constraints[4]).toMatchObject({ expected: '41', reason: 'contains the prime 41' });
  });

  it('text the parser does not understand is reported unchecked with its text', () => {
    const payload = challengePayload();
    (payload.constraints as string[])[7] = 'Must rhyme with the name of the CEO.';
    const report = checkSolution(parseChallenge(payload), loadSolution());
    expect(notPassing(report)).toEqual([7]);
    expect(report.constraints[7]).toMatchObject({ kind: 'unknown', status: 'unchecked' });
    expect(report.constraints[7]?.reason).toContain('Must rhyme with the name of the CEO.');
    expect(report.pass).toBe(false);
  });
});

describe('trace mutations are rejected by exactly the broken rule', () => {
  const cases: Array<[string, (solution: Solution, challenge: Challenge) => void, string[], string]> = [
    ['a citation to a paragraph without the value', (s) => void (step(s, 'e2').source = 'paragraph_5'), ['citation'], 'paragraph_5 does not state 1987'],
    ['an invented value', (s) => void (step(s, 'e9').valueExtracted = 1031), ['citation'], 'paragraph_6 does not state 1031'],
    ['a fake paragraph id', (s) => void (step(s, 'e3').source = 'paragraph_40'), ['citation_unknown_paragraph'], '"paragraph_40" is not a paragraph'],
    ['an arithmetic slip', (s) => void (step(s, 'c9').result = 55), ['recompute'], 'add(41, 13) = 54, not 55'],
    ['a rounding slip', (s) => void (step(s, 'c10').result = 0.24), ['recompute'], 'not 0.24'],
    ['an unknown operation', (s) => void (step(s, 'c10').operation = 'divide_by'), ['unknown_operation'], '"divide_by" is not allowed'],
    ['a duplicated step id', (s) => void (step(s, 'c10').step_id = 'c9'), ['duplicate_step_id'], 'reuses step_id "c9"'],
    ['a numeric step id', (s) => void (step(s, 'r1').step_id = 5 as unknown as string), ['step_id_type'], 'step 5 has step_id 5'],
    ['too few steps for the challenge', (_s, c) => void (c.traceSubmission.minSteps = 25), ['step_count'], '20 steps; the trace must have 25 to 200'],
    ['a forward reference', (s) => void (step(s, 'c1').inputs = ['c2', 50]), ['bad_input'], '"c2" is a forward reference'],
    ['a reference to no step', (s) => void (step(s, 'c2').inputs = ['c99', 10]), ['bad_input'], '"c99" refers to no step'],
    ['a non-numeric input', (s) => void (step(s, 'c10').inputs = ['e1', 'e9']), ['bad_input'], '"e1" is not a numeric step'],
    ['a wrong arity', (s) => void (step(s, 'c3').inputs = ['c2', 7]), ['bad_input'], 'next_prime takes 1 input(s), got 2'],
    ['an alias as targetEntity', (s) => void (step(s, 'e1').targetEntity = 'NWA'), ['unknown_entity'], 'it is an alias of "Northwind Analytics"'],
    [
      'too many failed citations',
      (s) => {
        step(s, 'e2').source = 'paragraph_5';
        step(s, 'e6').source = 'paragraph_4';
      },
      ['citation', 'citation', 'citation_rate'],
      '7 of 9 citations check out (78%); at least 80% must',
    ],
  ];

  it.each(cases)('%s', (_name, mutate, rules, message) => {
    const challenge = loadChallenge();
    const solution = loadSolution();
    mutate(solution, challenge);
    const report = checkSolution(challenge, solution);
    expect(traceRules(report)).toEqual(rules);
    expect(report.trace.errors.map((e) => e.message).join('\n')).toContain(message);
    expect(report.trace.valid).toBe(false);
    expect(notPassing(report)).toEqual([]);
    expect(report.pass).toBe(false);
  });

  it('a trace shorter than minSteps is a step_count error', () => {
    const solution = loadSolution();
    solution.reasoningTrace = [step(solution, 'e5'), step(solution, 'c1')];
    expect(traceRules(checkSolution(loadChallenge(), solution))).toEqual(['step_count']);
  });

  it('a trace without extracts or without computations is rejected for that', () => {
    const solution = loadSolution();
    const computeOnly = [1, 2, 3].map((n) => ({ step_id: `k${n}`, action: 'compute_logic', operation: 'add', inputs: [n, 1], result: n + 1 }));
    solution.reasoningTrace = computeOnly;
    expect(traceRules(checkSolution(loadChallenge(), solution))).toEqual(['missing_extract']);
    const extracts = loadSolution().reasoningTrace.filter((s) => s.action === 'extract_fact');
    solution.reasoningTrace = extracts;
    expect(traceRules(checkSolution(loadChallenge(), solution))).toEqual(['missing_compute']);
  });

  it('accepts a result rounded to fewer decimals, and more precise ones', () => {
    for (const result of [0.2, 0.23, 0.23001]) {
      const solution = loadSolution();
      step(solution, 'c10').result = result;
      expect(checkSolution(loadChallenge(), solution).trace.errors).toEqual([]);
    }
  });

  it('records other actions without checking them', () => {
    const solution = loadSolution();
    solution.reasoningTrace.push({ step_id: 'n1', action: 'note', inputs: ['nowhere'], operation: 'launch' });
    expect(checkSolution(loadChallenge(), solution).trace).toMatchObject({ valid: true, stepCount: 21 });
  });
});
