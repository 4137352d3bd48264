import { describe, it, expect } from 'vitest';
import { parseSolution } from '../../src/challenge/solution.js';
import { MinerError } from '../../src/errors.js';

const trace = [
  { step_id: 'e1', action: 'extract_fact', targetEntity: 'Helios Biotech', attribute: 'revenue.q1', valueExtracted: 3120, source: 'paragraph_5' },
  { step_id: 'c1', action: 'compute_logic', operation: 'mod', inputs: ['e1', 50], result: 20 },
  { step_id: 'n1', action: 'note', text: 'preliminary value in paragraph_4 superseded' },
];

function rejection(payload: unknown): MinerError {
  try {
    parseSolution(payload);
  } catch (error) {
    expect(error).toBeInstanceOf(MinerError);
    expect((error as MinerError).code).toBe('INVALID_SOLUTION');
    return error as MinerError;
  }
  throw new Error('expected parseSolution to throw');
}

describe('parseSolution', () => {
  it('accepts a complete solution and keeps every step field', () => {
    const solution = parseSolution({ artifact: 'Hello world', reasoningTrace: trace, submittedAnswers: { q01: 'Helios Biotech' } });
    expect(solution).toEqual({ artifact: 'Hello world', reasoningTrace: trace, submittedAnswers: { q01: 'Helios Biotech' } });
  });

  it('decodes a reasoningTrace sent as a JSON string', () => {
    const solution = parseSolution({ artifact: 'x', reasoningTrace: JSON.stringify(trace), submittedAnswers: {} });
    expect(solution.reasoningTrace).toEqual(trace);
  });

  it('passes non-string step ids through for the checker to report', () => {
    const solution = parseSolution({ artifact: 'x', reasoningTrace: [{ step_id: 7, action: 'note' }, { action: 'note' }] });
    expect(solution.reasoningTrace[0]?.step_id).toBe(7);
    expect(solution.reasoningTrace[1]).toEqual({ action: 'note' });
  });

  it('turns numeric answers into decimal strings and defaults missing parts to empty', () => {
    expect(parseSolution({ artifact: 'x', submittedAnswers: { q09: 16250 } })).toEqual({
      artifact: 'x',
      reasoningTrace: [],
      submittedAnswers: { q09: '16250' },
    });
  });

  it('ignores envelope fields such as challengeId and nonce', () => {
    expect(parseSolution({ artifact: 'x', challengeId: 'abc', nonce: 'n' }).artifact).toBe('x');
  });

  it('names a reasoningTrace that is not an array', () => {
    expect(rejection({ artifact: 'x', reasoningTrace: { steps: trace } }).shortMessage).toMatch(
      /reasoningTrace: expected an array, got an object/,
    );
  });

  it('names a stringified reasoningTrace that is not JSON', () => {
    expect(rejection({ artifact: 'x', reasoningTrace: '[{"step_id": "e1",' }).shortMessage).toMatch(
      /reasoningTrace: is a string but not valid JSON/,
    );
  });

  it('names a step that is not an object', () => {
    expect(rejection({ artifact: 'x', reasoningTrace: [trace[0], 'c1: mod'] }).shortMessage).toMatch(
      /reasoningTrace\[1\]: expected an object, got the string "c1: mod"/,
    );
  });

  it('names a missing artifact and a non-string answer', () => {
    expect(rejection({ reasoningTrace: [] }).shortMessage).toMatch(/artifact: is missing \(expected a string\)/);
    expect(rejection({ artifact: 'x', submittedAnswers: { q02: ['a'] } }).shortMessage).toMatch(/submittedAnswers\.q02: expected a string answer/);
  });

  it('rejects a non-object solution with a hint showing the shape', () => {
    const error = rejection('artifact');
    expect(error.shortMessage).toMatch(/\(root\): expected a JSON object/);
    expect(error.hint).toMatch(/"reasoningTrace"/);
  });
});
