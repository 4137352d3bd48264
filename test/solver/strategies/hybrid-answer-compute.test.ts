/**
 * Every hybrid trace carries a real compute step: the answers' own comparison (the winner's
 * deciding value against the other candidates cited), so a challenge without prime and
 * equation constraints still yields a valid trace.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComputeLogicStep, ExtractFactStep } from '../../../src/challenge/types.js';
import { parseChallenge } from '../../../src/challenge/parse.js';
import { solveHybrid } from '../../../src/solver/index.js';
import { validateTrace } from '../../../src/verify/trace.js';
import { isCompute, isExtract } from '../../../src/verify/facts.js';
import { coordinatorCheck, DOMAINS, failures, generated, startReplayRig, type Generated, type ReplayRig } from '../replay-fixture.js';

/** The generated challenge with its prime and equation constraints removed from the payload (the key's facts still apply). */
function withoutArithmetic(g: Generated): Generated {
  const constraints = (g.payload.constraints as string[]).filter((c) => !/prime number|the equation/i.test(c));
  const payload = { ...g.payload, constraints };
  return { ...g, payload, challenge: parseChallenge(payload) };
}

/** No answer's deciding fact is stated relative to another entity, so no relative add/subtract step exists either. */
function noRelativeSupport(g: Generated): boolean {
  const relative = new Set(g.answerKey.facts.filter((f) => f.relative).map((f) => `${f.entity}\u0000${f.attribute}`));
  return g.answerKey.answers.every((a) => (a.hops ?? []).every((h) => h.attributes.every((attr) => !relative.has(`${h.winner}\u0000${attr}`))));
}

function findChallenge(): Generated {
  for (let seed = 0n; seed < 200n; seed += 1n) {
    const g = generated(seed, DOMAINS[Number(seed % BigInt(DOMAINS.length))]!);
    if (noRelativeSupport(g)) return withoutArithmetic(g);
  }
  throw new Error('no challenge without relative support facts in 200 seeds');
}

describe('hybrid strategy: the answers computation in every trace', () => {
  let rig: ReplayRig;
  beforeAll(async () => {
    rig = await startReplayRig();
  });
  afterAll(() => rig.close());

  it('without prime and equation constraints, the trace still holds a recomputable max/min comparing an answer with other cited candidates', async () => {
    const g = findChallenge();
    expect(g.challenge.constraints.map((c) => c.text).join('\n')).not.toMatch(/prime|equation/);
    rig.add(g);
    const out = await solveHybrid({ challenge: g.challenge, attempt: 1, history: [] }, rig.deps());
    const steps = out.solution.reasoningTrace;
    const computes = steps.filter(isCompute);
    expect(computes.length).toBeGreaterThan(0);
    expect(computes.every((s) => s.operation === 'max' || s.operation === 'min')).toBe(true);

    // The comparison's first input is an answer entity's fact; the others are the same attribute of other entities.
    const byId = new Map(steps.filter(isExtract).map((s) => [s.step_id, s]));
    const compare = computes[0] as ComputeLogicStep;
    const inputs = compare.inputs.map((id) => byId.get(String(id))) as ExtractFactStep[];
    expect(inputs.length).toBeGreaterThan(1);
    expect(Object.values(out.solution.submittedAnswers)).toContain(inputs[0]!.targetEntity);
    expect(new Set(inputs.map((s) => s.attribute)).size).toBe(1);
    expect(new Set(inputs.map((s) => s.targetEntity)).size).toBe(inputs.length);
    expect(compare.result).toBe(inputs[0]!.valueExtracted);

    expect(validateTrace(g.challenge, steps).errors).toEqual([]);
    expect(failures(out.check)).toEqual([]);
    expect(failures(coordinatorCheck(g, out.solution, 10))).toEqual([]);
  });

  it('with every constraint present, the comparison comes in addition to the prime and equation steps', async () => {
    const g = generated(31n, 'quantum_codes');
    rig.add(g);
    const out = await solveHybrid({ challenge: g.challenge, attempt: 1, history: [] }, rig.deps());
    const ops = out.solution.reasoningTrace.filter(isCompute).map((s) => s.operation);
    expect(ops).toContain('next_prime');
    expect(ops.some((op) => op === 'max' || op === 'min')).toBe(true);
    expect(failures(coordinatorCheck(g, out.solution, 10))).toEqual([]);
  });
});
