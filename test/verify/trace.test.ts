import { describe, it, expect } from 'vitest';
import { parseChallenge } from '../../src/challenge/parse.js';
import type { TraceStep } from '../../src/challenge/types.js';
import { validateTrace } from '../../src/verify/trace.js';
import { challengePayload, loadChallenge, loadSolution } from './fixture.js';

describe('validateTrace aliases', () => {
  /** The fixture without the "(BWG)" introduction: paragraph 8 then names Bluewater only as "BWG". */
  function withoutBwgIntroduction() {
    const payload = challengePayload();
    payload.doc = String(payload.doc).replace('Bluewater Genomics (BWG)', 'Bluewater Genomics');
    return parseChallenge(payload);
  }

  it('learns aliases from the document: the fixture cites paragraphs that name entities only by alias', () => {
    expect(validateTrace(loadChallenge(), loadSolution().reasoningTrace)).toMatchObject({ valid: true, citationRate: 1 });
  });

  it('fails a citation whose paragraph uses an alias nobody introduced', () => {
    const report = validateTrace(withoutBwgIntroduction(), loadSolution().reasoningTrace);
    expect(report.errors).toEqual([
      { rule: 'citation', stepId: 'e7', message: 'paragraph_8 does not mention "Bluewater Genomics" or an alias' },
    ]);
  });

  it('accepts the citation with an alias the caller supplies', () => {
    const report = validateTrace(withoutBwgIntroduction(), loadSolution().reasoningTrace, { aliases: { 'Bluewater Genomics': ['BWG'] } });
    expect(report.errors).toEqual([]);
  });
});

describe('validateTrace comparisons and counts', () => {
  const base = loadSolution().reasoningTrace.filter((s) => s.step_id === 'e5' || s.step_id === 'e7');
  const compute = (id: string, operation: string, inputs: Array<string | number>, result: number | boolean): TraceStep =>
    ({ step_id: id, action: 'compute_logic', operation, inputs, result }) as TraceStep;

  it('recomputes a comparison and counts the true ones', () => {
    const trace = [
      ...base,
      compute('k1', 'compare_less_than', ['e5', 'e7'], true),
      compute('k2', 'compare_greater_than', ['e5', 'e7'], false),
      compute('k3', 'count', ['k1', 'k2'], 1),
    ];
    expect(validateTrace(loadChallenge(), trace).errors).toEqual([]);
  });

  it('rejects a wrong comparison result and a comparison used as a number', () => {
    const trace = [...base, compute('k1', 'compare_less_than', ['e5', 'e7'], false), compute('k2', 'add', ['k1', 1], 2)];
    expect(validateTrace(loadChallenge(), trace).errors.map((e) => [e.rule, e.stepId])).toEqual([
      ['recompute', 'k1'],
      ['bad_input', 'k2'],
    ]);
  });

  it('rejects a division by zero', () => {
    const trace = [...base, compute('k1', 'divide', ['e5', 0], 0)];
    expect(validateTrace(loadChallenge(), trace).errors).toEqual([
      { rule: 'recompute', stepId: 'k1', message: 'divide(233, 0) is undefined (division or mod by zero, or a bad decimals input)' },
    ]);
  });
});
