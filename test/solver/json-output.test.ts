import { describe, expect, it } from 'vitest';
import { extractJsonObject } from '../../src/solver/json-output.js';

describe('extractJsonObject', () => {
  it('reads a bare object, a fenced one, and one after prose', () => {
    expect(extractJsonObject('{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
    expect(extractJsonObject('```json\n{"a": [1, 2]}\n```')).toEqual({ ok: true, value: { a: [1, 2] } });
    expect(extractJsonObject('Sure! Here it is: {"a": "x"} Hope that helps {"b": 2}')).toEqual({ ok: true, value: { a: 'x' } });
  });

  it('drops trailing commas but keeps commas and braces inside strings', () => {
    expect(extractJsonObject('{"a": [1, 2,], "b": {"c": "x, }",},}')).toEqual({ ok: true, value: { a: [1, 2], b: { c: 'x, }' } } });
    expect(extractJsonObject('{"q": "he said \\"{\\" here"}')).toEqual({ ok: true, value: { q: 'he said "{" here' } });
  });

  it('skips braces in prose that are not JSON and takes the object after them', () => {
    expect(extractJsonObject('Use {curly braces} as shown: {"ok": true}')).toEqual({ ok: true, value: { ok: true } });
  });

  it('reports a truncated object and a reply without JSON', () => {
    expect(extractJsonObject('{"answers": {"q01": "Nor')).toEqual({ ok: false, problem: expect.stringMatching(/cut off/) });
    expect(extractJsonObject('I cannot do that.')).toEqual({ ok: false, problem: expect.stringMatching(/no JSON object/) });
    expect(extractJsonObject('[1, 2, 3]')).toEqual({ ok: false, problem: expect.stringMatching(/no JSON object/) });
  });
});
