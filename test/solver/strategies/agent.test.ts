import { describe, expect, it } from 'vitest';
import { acceptAgentSolution, buildAgentTask, createStrategy } from '../../../src/solver/index.js';
import { solveWithAnswerKey } from '../../../src/sandbox/generator/reference-solver.js';
import { isMinerError } from '../../../src/errors.js';
import { coordinatorCheck, failures, generated } from '../replay-fixture.js';

describe('agent strategy', () => {
  const g = generated(83n, 'scrna_imputation');

  it('builds a task: the solve prompt with the challenge in data blocks, the payload, and the response schema', () => {
    const task = buildAgentTask(g.challenge, { attempt: 1, history: [] });
    expect(task.prompt).toMatch(/^Response-Schema: botcoin\.llm\.v1$/m);
    expect(task.prompt).toMatch(/<<<BEGIN DATA document \w+>>>\n\[paragraph_1\]/);
    expect(task.payload).toMatchObject({ challengeId: g.challenge.challengeId, doc: g.challenge.doc, entities: g.challenge.entities });
    expect(task.payload.questions).toHaveLength(10);
    expect(task.schemaId).toBe('botcoin.llm.v1');
    expect(task.responseSchema).toMatchObject({ type: 'object', required: expect.arrayContaining(['artifact', 'reasoningTrace', 'submittedAnswers']) });
  });

  it('round trip: the agent answers (in a fenced block, with prose), the solution is parsed and checked', () => {
    buildAgentTask(g.challenge);
    const reference = solveWithAnswerKey(g.challenge, g.answerKey);
    const reply = `Here is my solution:\n\`\`\`json\n${JSON.stringify(reference, null, 2)}\n\`\`\`\nGood luck!`;
    const out = acceptAgentSolution(g.challenge, reply);
    expect(out.solution).toEqual(reference);
    expect(failures(out.check)).toEqual([]);
    expect(failures(coordinatorCheck(g, out.solution, 10))).toEqual([]);
    expect(out).toMatchObject({ repairs: 0, modelCalls: 0, costUsd: 0 });
  });

  it('a missing trace is not refused but reported by the check', () => {
    const out = acceptAgentSolution(g.challenge, '{"artifact": "x"}');
    expect(out.check.trace.errors.map((e) => e.rule)).toContain('missing_extract');
  });

  it('a wrong solution comes back with its failing check (the CLI does not submit it)', () => {
    const reference = solveWithAnswerKey(g.challenge, g.answerKey);
    const out = acceptAgentSolution(g.challenge, { ...reference, artifact: `${reference.artifact} extra` });
    expect(out.check.pass).toBe(false);
    expect(out.check.constraints.find((c) => c.kind === 'word_count')?.status).toBe('fail');
  });

  it('an answer that is not JSON, is cut off, or has no artifact string is refused with INVALID_SOLUTION', () => {
    for (const raw of ['I could not solve it.', '{"artifact": 5}', '{"artifact": "a b", "reasoningTrace": [']) {
      let error: unknown;
      try {
        acceptAgentSolution(g.challenge, raw);
      } catch (e) {
        error = e;
      }
      expect(isMinerError(error) && error.code).toBe('INVALID_SOLUTION');
    }
  });

  it('the agent strategy itself makes no model call', async () => {
    const error = await createStrategy('agent').solve({ challenge: g.challenge, attempt: 1, history: [] }, {}).catch((e: unknown) => e);
    expect(isMinerError(error) && error.code).toBe('BAD_USAGE');
  });
});
