import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { solveLlm } from '../../../src/solver/index.js';
import { failureFeedback } from '../../../src/sandbox/coordinator/judge.js';
import { coordinatorCheck, DOMAINS, failures, generated, startReplayRig, type ReplayRig } from '../replay-fixture.js';

const PER_DOMAIN = 6;

describe('llm strategy over the answer-key replay', () => {
  let rig: ReplayRig;
  beforeAll(async () => {
    rig = await startReplayRig();
  });
  afterAll(() => rig.close());

  it(`passes the local and the coordinator check on ${PER_DOMAIN * 4} challenges from all four domains`, async () => {
    const problems: string[] = [];
    for (const domain of DOMAINS) {
      for (let i = 0; i < PER_DOMAIN; i += 1) {
        const g = generated(0x11a0n + BigInt(i), domain);
        rig.add(g);
        const out = await solveLlm({ challenge: g.challenge, attempt: 1, history: [] }, rig.deps());
        const keyed = coordinatorCheck(g, out.solution, g.challenge.questions.length);
        for (const f of [...failures(out.check).map((x) => `local ${x}`), ...failures(keyed).map((x) => `key ${x}`)]) problems.push(`${domain} #${i}: ${f}`);
        if (out.modelCalls !== 1 || out.repairs !== 0) problems.push(`${domain} #${i}: ${out.modelCalls} calls, ${out.repairs} repairs`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('asks for the whole solution with the constraints and the trace rules in the prompt', async () => {
    const g = generated(71n, 'companies');
    rig.add(g);
    const before = rig.calls.length;
    await solveLlm({ challenge: g.challenge, attempt: 1, history: [] }, rig.deps());
    const prompt = rig.calls[before]!.messages[0]!.content;
    expect(prompt).toMatch(/^Response-Schema: botcoin\.llm\.v1$/m);
    expect(prompt).toMatch(new RegExp(`^Challenge-Id: ${g.challenge.challengeId}$`, 'm'));
    expect(prompt).toContain(g.challenge.constraints[0]!.text);
    expect(prompt).toMatch(/mod, add, next_prime/);
  });
});

describe('llm strategy: repairs what the local checker finds', () => {
  it.each([
    ['miscounted_artifact', /word_count/, /words/],
    ['arithmetic_slip', /recompute/, /recompute/],
  ] as const)('%s: the checker report goes back to the model, and the repaired solution passes', async (fault, problem, repairText) => {
    const rig = await startReplayRig({ rules: [{ fault, when: { firstCalls: 1 } }] });
    try {
      const g = generated(73n, 'stem_cell_studies');
      rig.add(g);
      const out = await solveLlm({ challenge: g.challenge, attempt: 1, history: [] }, rig.deps());
      expect(rig.replay.calls.map((c) => c.schema)).toEqual(['botcoin.llm.v1', 'botcoin.llm.repair.v1']);
      expect(out.repairs).toBe(1);
      const repairPrompt = rig.calls[1]!.messages.at(-1)!.content;
      expect(repairPrompt).toMatch(problem);
      expect(repairPrompt).toMatch(repairText);
      // The repair turn continues the conversation, so the model still has the document.
      expect(rig.calls[1]!.messages).toHaveLength(3);
      expect(failures(out.check)).toEqual([]);
      expect(failures(coordinatorCheck(g, out.solution, 10))).toEqual([]);
    } finally {
      await rig.close();
    }
  });

  it('a fault the model never repairs: returns the failing solution after maxRepairs rounds', async () => {
    const rig = await startReplayRig({ rules: [{ fault: 'miscounted_artifact' }] });
    try {
      const g = generated(73n, 'stem_cell_studies');
      rig.add(g);
      const out = await solveLlm({ challenge: g.challenge, attempt: 1, history: [] }, rig.deps({ maxRepairs: 2 }));
      expect(out.repairs).toBe(2);
      expect(out.modelCalls).toBe(3);
      expect(out.check.pass).toBe(false);
      expect(out.check.constraints.find((c) => c.kind === 'word_count')?.status).toBe('fail');
    } finally {
      await rig.close();
    }
  });

  it('truncated reply: one "valid JSON" retry, then success', async () => {
    const rig = await startReplayRig({ rules: [{ fault: 'truncated', when: { firstCalls: 1 } }] });
    try {
      const g = generated(79n, 'quantum_codes');
      rig.add(g);
      const out = await solveLlm({ challenge: g.challenge, attempt: 1, history: [] }, rig.deps());
      expect(out.modelCalls).toBe(2);
      expect(rig.calls[1]!.messages.at(-1)!.content).toMatch(/cut off/);
      expect(failures(out.check)).toEqual([]);
    } finally {
      await rig.close();
    }
  });

  it('wrong_trap_answer on attempt 1 only: the retry prompt carries the counts and the previous solution, and attempt 2 is right', async () => {
    const rig = await startReplayRig({ rules: [{ fault: 'wrong_trap_answer', when: { attempt: 1 } }] });
    try {
      let seed = 100n;
      let g = generated(seed, DOMAINS[1]!);
      while (!g.answerKey.trap.affects.some((id) => id.startsWith('q'))) g = generated((seed += 1n), DOMAINS[1]!);
      rig.add(g);
      const first = await solveLlm({ challenge: g.challenge, attempt: 1, history: [] }, rig.deps());
      const judged = coordinatorCheck(g, first.solution, 10);
      expect(judged.pass).toBe(false);
      const feedback = failureFeedback(judged, 1, 2);
      const second = await solveLlm({ challenge: g.challenge, attempt: 2, history: [{ attempt: 1, solution: first.solution, check: first.check, feedback }] }, rig.deps());
      const prompt = rig.calls.at(-1)!.messages[0]!.content;
      expect(prompt).toContain(`counted ${feedback.questionAnswersCorrect} of 10 answers correct`);
      expect(prompt).toMatch(/<<<BEGIN DATA previous-solution/);
      expect(failures(coordinatorCheck(g, second.solution, 10))).toEqual([]);
    } finally {
      await rig.close();
    }
  });
});
