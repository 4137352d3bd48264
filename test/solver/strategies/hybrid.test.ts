import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCompute, isExtract } from '../../../src/verify/facts.js';
import { failureFeedback } from '../../../src/sandbox/coordinator/judge.js';
import { solveHybrid } from '../../../src/solver/index.js';
import { isMinerError } from '../../../src/errors.js';
import type { ExtractFactStep } from '../../../src/challenge/types.js';
import { coordinatorCheck, DOMAINS, failures, generated, startReplayRig, type Generated, type ReplayRig } from '../replay-fixture.js';

const PER_DOMAIN = 6;

/** A challenge whose trap changes at least one answer (so a fooled reader gets an answer wrong). */
function trapChallenge(domain: string): Generated {
  for (let seed = 100n; seed < 200n; seed += 1n) {
    const g = generated(seed, domain);
    if (g.answerKey.trap.affects.some((id) => id.startsWith('q'))) return g;
  }
  throw new Error(`no trap that changes an answer in ${domain}`);
}

describe('hybrid strategy over the answer-key replay', () => {
  let rig: ReplayRig;
  beforeAll(async () => {
    rig = await startReplayRig();
  });
  afterAll(() => rig.close());

  it(`passes the local and the coordinator check on ${PER_DOMAIN * 4} challenges from all four domains, with one model call each`, async () => {
    const problems: string[] = [];
    for (const domain of DOMAINS) {
      for (let i = 0; i < PER_DOMAIN; i += 1) {
        const g = generated(0xb0bn + BigInt(i), domain);
        rig.add(g);
        const out = await solveHybrid({ challenge: g.challenge, attempt: 1, history: [] }, rig.deps());
        const keyed = coordinatorCheck(g, out.solution, g.challenge.questions.length);
        for (const f of [...failures(out.check).map((x) => `local ${x}`), ...failures(keyed).map((x) => `key ${x}`)]) problems.push(`${domain} #${i}: ${f}`);
        if (out.modelCalls !== 1 || out.repairs !== 0) problems.push(`${domain} #${i}: ${out.modelCalls} calls, ${out.repairs} repairs`);
        if (out.promptTokens <= 0 || out.completionTokens <= 0) problems.push(`${domain} #${i}: no token usage recorded`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('derives the prime and the equation in code as atomic steps (mod → add → next_prime) from the extracted facts', async () => {
    const g = generated(31n, 'quantum_codes');
    rig.add(g);
    const out = await solveHybrid({ challenge: g.challenge, attempt: 1, history: [] }, rig.deps());
    const ops = out.solution.reasoningTrace.filter(isCompute).map((s) => s.operation);
    expect(ops.slice(0, 3)).toEqual(['mod', 'add', 'next_prime']);
    const prime = g.answerKey.constraints.find((c) => c.kind === 'prime')!;
    const equation = g.answerKey.constraints.find((c) => c.kind === 'equation')!;
    expect(out.solution.artifact.split(' ')).toContain(String(prime.expected));
    expect(out.solution.artifact.split(' ')).toContain(String(equation.expected));
  });
});

describe('hybrid strategy: faults the replay injects', () => {
  it('bad_citation: verifies the citation, refetches that fact specifically, and the final citation checks out', async () => {
    const rig = await startReplayRig({ rules: [{ fault: 'bad_citation', when: { firstCalls: 1 }, schemas: ['botcoin.hybrid.v1'] }] });
    try {
      const g = generated(41n, 'companies');
      rig.add(g);
      const out = await solveHybrid({ challenge: g.challenge, attempt: 1, history: [] }, rig.deps());
      expect(rig.replay.calls.map((c) => [c.schema, c.faults])).toEqual([
        ['botcoin.hybrid.v1', ['bad_citation']],
        ['botcoin.hybrid.refetch.v1', []],
      ]);
      expect(out.repairs).toBe(1);
      const refetch = rig.calls[1]!.messages.at(-1)!.content;
      // Only the failing fact is asked again, with the reason.
      const requests = JSON.parse(/^Fact-Requests: (.*)$/m.exec(refetch)![1]!) as Array<{ id: string; problem: string }>;
      expect(requests.map((r) => r.id)).toEqual(['f1']);
      expect(requests[0]!.problem).toMatch(/does not state/);
      const first = out.solution.reasoningTrace.find(isExtract) as ExtractFactStep;
      const fact = g.answerKey.facts.find((f) => f.entity === first.targetEntity && f.attribute === first.attribute)!;
      expect(fact.paragraphs.map((n) => `paragraph_${n}`)).toContain(first.source);
      expect(failures(out.check)).toEqual([]);
      expect(failures(coordinatorCheck(g, out.solution))).toEqual([]);
    } finally {
      await rig.close();
    }
  });

  it('bad_citation that the model never fixes: returns the solution with its failing check once the repair budget is spent', async () => {
    const rig = await startReplayRig({ rules: [{ fault: 'bad_citation' }] });
    try {
      const g = generated(41n, 'companies');
      rig.add(g);
      const out = await solveHybrid({ challenge: g.challenge, attempt: 1, history: [] }, rig.deps({ maxRepairs: 1 }));
      expect(out.repairs).toBe(1);
      expect(out.modelCalls).toBe(2);
      expect(out.check.pass).toBe(false);
      expect(out.check.trace.errors.map((e) => e.rule)).toContain('citation');
    } finally {
      await rig.close();
    }
  });

  it.each(['non_json', 'truncated'] as const)('%s: asks once more for valid JSON, then succeeds', async (fault) => {
    const rig = await startReplayRig({ rules: [{ fault, when: { firstCalls: 1 } }] });
    try {
      const g = generated(43n, 'scrna_imputation');
      rig.add(g);
      const out = await solveHybrid({ challenge: g.challenge, attempt: 1, history: [] }, rig.deps());
      expect(out.modelCalls).toBe(2);
      expect(rig.calls[1]!.messages.at(-1)!.content).toMatch(/could not be used/);
      expect(failures(coordinatorCheck(g, out.solution))).toEqual([]);
    } finally {
      await rig.close();
    }
  });

  it('non_json every time: a clear UNSOLVED error after the one retry', async () => {
    const rig = await startReplayRig({ rules: [{ fault: 'non_json' }] });
    try {
      const g = generated(43n, 'scrna_imputation');
      rig.add(g);
      const error = await solveHybrid({ challenge: g.challenge, attempt: 1, history: [] }, rig.deps()).catch((e: unknown) => e);
      expect(isMinerError(error) && error.code).toBe('UNSOLVED');
      expect(String((error as Error).message)).toMatch(/botcoin\.hybrid\.v1/);
      expect(rig.replay.calls).toHaveLength(2);
    } finally {
      await rig.close();
    }
  });

  it.each([
    ['http_429', 429],
    ['http_500', 500],
  ] as const)('%s: the provider retries and the solve succeeds', async (fault, status) => {
    const rig = await startReplayRig({ rules: [{ fault, when: { firstCalls: 2 }, retryAfterSeconds: 0 }] });
    try {
      const g = generated(47n, 'stem_cell_studies');
      rig.add(g);
      const out = await solveHybrid({ challenge: g.challenge, attempt: 1, history: [] }, rig.deps());
      expect(rig.replay.calls.map((c) => c.status)).toEqual([status, status, 200]);
      expect(out.modelCalls).toBe(1);
      expect(failures(coordinatorCheck(g, out.solution))).toEqual([]);
    } finally {
      await rig.close();
    }
  });

  it('wrong_trap_answer on attempt 1: the local check passes but the coordinator does not; attempt 2 with the counts re-asks the answers and passes', async () => {
    const rig = await startReplayRig({ rules: [{ fault: 'wrong_trap_answer', when: { attempt: 1 } }] });
    try {
      const g = trapChallenge('companies');
      rig.add(g);
      const first = await solveHybrid({ challenge: g.challenge, attempt: 1, history: [] }, rig.deps());
      expect(failures(first.check)).toEqual([]);
      const judged = coordinatorCheck(g, first.solution);
      const fooled = g.answerKey.trap.affects.filter((id) => id.startsWith('q'));
      for (const id of fooled) expect(judged.answers.byQuestion.find((a) => a.id === id)?.correct).toBe(false);
      expect(coordinatorCheck(g, first.solution, 10).pass).toBe(false);

      const feedback = failureFeedback(coordinatorCheck(g, first.solution, 10), 1, 2);
      const history = [{ attempt: 1, solution: first.solution, check: first.check, feedback }];
      const second = await solveHybrid({ challenge: g.challenge, attempt: 2, history }, rig.deps());
      const prompt = rig.calls.at(-1)!.messages.at(-1)!.content;
      expect(prompt).toMatch(/^Attempt: 2$/m);
      expect(prompt).toMatch(/preliminary/);
      expect(prompt).toContain(JSON.stringify(first.solution.submittedAnswers, null, 1));
      expect(failures(coordinatorCheck(g, second.solution, 10))).toEqual([]);
      const revision = second.solution.reasoningTrace[0]!;
      expect(revision.action).toBe('revision');
      expect(JSON.stringify(revision)).toContain(`${fooled[0]}: ${first.solution.submittedAnswers[fooled[0]!]} -> ${g.answerKey.answers.find((a) => a.questionId === fooled[0])!.answer}`);
    } finally {
      await rig.close();
    }
  });

  it('answers right but constraints short: keeps the answers and re-extracts the constraint facts in one refetch call', async () => {
    const rig = await startReplayRig();
    try {
      const g = generated(53n, 'companies');
      rig.add(g);
      const first = await solveHybrid({ challenge: g.challenge, attempt: 1, history: [] }, rig.deps());
      const feedback = { pass: false, constraintsPassed: 6, constraintsTotal: 8, questionAnswersCorrect: 10, questionAnswersTotal: 10, questionAnswersRequired: 6 };
      const second = await solveHybrid({ challenge: g.challenge, attempt: 2, history: [{ attempt: 1, solution: first.solution, check: first.check, feedback }] }, rig.deps());
      expect(rig.replay.calls.at(-1)!.schema).toBe('botcoin.hybrid.refetch.v1');
      expect(second.modelCalls).toBe(1);
      expect(second.solution.submittedAnswers).toEqual(first.solution.submittedAnswers);
      expect(second.solution.reasoningTrace[0]!.action).toBe('revision');
      expect(failures(coordinatorCheck(g, second.solution, 10))).toEqual([]);
    } finally {
      await rig.close();
    }
  });

  it("hands the evaluator's critiques to the model inside a data block", async () => {
    const rig = await startReplayRig();
    try {
      const g = generated(59n, 'quantum_codes');
      rig.add(g);
      await solveHybrid({ challenge: g.challenge, attempt: 1, history: [], critiques: ['Q4 used the planned threshold, not the audited one.'] }, rig.deps());
      const prompt = rig.calls[0]!.messages[0]!.content;
      expect(prompt).toMatch(/<<<BEGIN DATA evaluator-critiques \w+>>>\n- Q4 used the planned threshold, not the audited one.\n<<<END DATA evaluator-critiques \w+>>>/);
    } finally {
      await rig.close();
    }
  });

  it('without a provider: a CONFIG error that points at the agent strategy', async () => {
    const g = generated(1n, 'companies');
    const error = await solveHybrid({ challenge: g.challenge, attempt: 1, history: [] }, {}).catch((e: unknown) => e);
    expect(isMinerError(error) && error.code).toBe('CONFIG');
    expect(String((error as Error).message)).toMatch(/agent/);
  });
});
