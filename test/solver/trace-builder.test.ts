import { describe, expect, it } from 'vitest';
import { TraceBuilder } from '../../src/solver/trace-builder.js';
import { validateTrace } from '../../src/verify/trace.js';
import { isCompute, solutionFacts } from '../../src/verify/facts.js';
import { parseChallenge } from '../../src/challenge/parse.js';

const challenge = parseChallenge({
  challengeId: 'trace-builder-test',
  challengeManifestHash: `0x${'0'.repeat(64)}`,
  doc: [
    '[paragraph_1] Northwind Analytics was founded in 1987 and employs 4,036 people.',
    '[paragraph_2] Harbor Labs employs exactly 120 more people than Northwind Analytics.',
    '[paragraph_3] Harbor Labs is based in Oslo.',
  ].join('\n\n'),
  questions: ['Which company employs the most people?'],
  constraints: ['Write EXACTLY 5 words. Single line.'],
  entities: ['Northwind Analytics', 'Harbor Labs'],
});

describe('TraceBuilder', () => {
  it('numbers extracts e1…, computes c1…, revisions r1… and extracts a fact once', () => {
    const t = new TraceBuilder();
    t.revision('Attempt 2: re-read', ['q01: A -> B']);
    const a = t.once('Northwind Analytics', 'founding.year', () => t.extract('Northwind Analytics', 'founding.year', 1987, 1));
    const again = t.once('northwind analytics', 'Founding.Year', () => t.extract('Northwind Analytics', 'founding.year', 1, 1));
    expect(again).toBe(a);
    expect(t.has('Northwind Analytics', 'founding.year')).toBe(true);
    t.prime({ fact: a, modulus: 50, offset: 10 });
    expect(t.steps.map((s) => s.step_id)).toEqual(['r1', 'e1', 'c1', 'c2', 'c3']);
    expect(t.steps[0]).toEqual({ step_id: 'r1', action: 'revision', reason: 'Attempt 2: re-read', changes: ['q01: A -> B'] });
  });

  it('splits the prime into mod → add → next_prime and the equation into mod → add per term, then add', () => {
    const t = new TraceBuilder();
    const year = t.extract('Northwind Analytics', 'founding.year', 1987, 1);
    const staff = t.extract('Northwind Analytics', 'employee.count', 4036, 1);
    const prime = t.prime({ fact: year, modulus: 50, offset: 10 });
    expect(prime.value).toBe(47); // 1987 mod 50 = 37, + 10 = 47, prime
    const eq = t.equation({ fact: year, modulus: 90, offset: 10 }, { fact: staff, modulus: 10, offset: 10 });
    expect(eq.value).toBe('17+16=33'); // 1987 = 22·90 + 7 → 17; 4036 mod 10 = 6 → 16
    expect(t.steps.filter(isCompute).map((s) => s.operation)).toEqual(['mod', 'add', 'next_prime', 'mod', 'add', 'mod', 'add', 'add']);
    expect(validateTrace(challenge, t.steps).errors).toEqual([]);
  });

  it('traces a relative value as base + delta + add, which the checker reads back as the entity’s fact', () => {
    const t = new TraceBuilder();
    const base = t.extract('Northwind Analytics', 'employee.count', 4036, 1);
    const harbor = t.relative('Harbor Labs', 'employee.count', base, 120, 2);
    expect(harbor.value).toBe(4156);
    const down = t.relative('Harbor Labs', 'employee.count', base, -36, 2);
    expect(down.value).toBe(4000);
    expect(t.steps.map((s) => [s.action, (s as { operation?: string }).operation ?? (s as { attribute?: string }).attribute])).toEqual([
      ['extract_fact', 'employee.count'],
      ['extract_fact', 'employee.count.delta'],
      ['compute_logic', 'add'],
      ['extract_fact', 'employee.count.delta'],
      ['compute_logic', 'subtract'],
    ]);
    const trace = t.steps.slice(0, 3);
    expect(validateTrace(challenge, trace).errors).toEqual([]);
    expect(solutionFacts(challenge, { artifact: '', reasoningTrace: trace, submittedAnswers: {} }).attributeOf('Harbor Labs', 'employee count')).toBe(4156);
  });
});
