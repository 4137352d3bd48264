import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerKeyLookupFromDir, startAnswerKeyModel, type AnswerKeyModel } from '../../../src/sandbox/answer-key-model/index.js';
import { solveWithAnswerKey } from '../../../src/sandbox/generator/reference-solver.js';
import { createProvider } from '../../../src/solver/providers/create-provider.js';
import type { ModelProvider } from '../../../src/solver/providers/types.js';
import { dumpAnswerKey } from '../../../src/sandbox/coordinator/answer-key-dump.js';
import type { IssuedChallenge } from '../../../src/sandbox/coordinator/challenge-store.js';
import { isMinerError } from '../../../src/errors.js';
import { generated } from '../../solver/replay-fixture.js';

const g = generated(97n, 'companies');

function prompt(schema: string, extra = '', challengeId = g.challenge.challengeId, attempt = 1): string {
  return `Response-Schema: ${schema}\nChallenge-Id: ${challengeId}\nAttempt: ${attempt}\n\n${extra}`;
}

describe('answer-key replay over HTTP', () => {
  let dir: string;
  let replay: AnswerKeyModel;
  let provider: ModelProvider;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'replay-'));
    // Written by the sandbox coordinator's own dump; it reads only these fields of the issued challenge.
    const issued = { challengeId: g.challenge.challengeId, challenge: g.challenge, answerKey: g.answerKey } as IssuedChallenge;
    await dumpAnswerKey(dir, issued);
    replay = await startAnswerKeyModel({ lookup: answerKeyLookupFromDir(dir) });
    provider = createProvider({ provider: 'openai', baseUrl: replay.baseUrl, model: 'answer-key-replay', retry: { maxAttempts: 1 } });
  });
  afterAll(async () => {
    await provider.close();
    await replay.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers the llm schema with the reference solution, as model "answer-key-replay", with estimated usage and no cost', async () => {
    const text = prompt('botcoin.llm.v1', 'x'.repeat(4000));
    const result = await provider.complete({ messages: [{ role: 'user', content: text }], responseFormat: 'json' });
    expect(JSON.parse(result.text)).toEqual(solveWithAnswerKey(g.challenge, g.answerKey));
    expect(result.model).toBe('answer-key-replay');
    expect(result.usage.promptTokens).toBeGreaterThanOrEqual(Math.ceil(text.length / 4));
    expect(result.usage.completionTokens).toBe(Math.ceil(result.text.length / 4));
    expect(result.costUsd ?? 0).toBe(0);
  });

  it('answers hybrid fact requests from the key: the answer entity of the question, the value, and a paragraph that states it', async () => {
    const token = g.answerKey.constraints.find((c) => c.kind === 'required_token')!;
    const input = token.inputs![0]!;
    const phrase = g.answerKey.attributes.find((a) => a.key === input.attribute)!.phrase;
    const qid = g.answerKey.answers.find((a) => a.number === input.question)!.questionId;
    const text = prompt('botcoin.hybrid.v1', `Fact-Requests: ${JSON.stringify([{ id: 'f1', question: qid, attribute: phrase }])}`);
    const reply = JSON.parse((await provider.complete({ messages: [{ role: 'user', content: text }] })).text);
    expect(reply.answers).toEqual(Object.fromEntries(g.answerKey.answers.map((a) => [a.questionId, a.answer])));
    const fact = g.answerKey.facts.find((f) => f.entity === input.entity && f.attribute === input.attribute)!;
    expect(reply.facts).toEqual([{ id: 'f1', entity: input.entity, value: token.expected, citations: [`paragraph_${fact.paragraphs[0]}`], status: 'confirmed' }]);
    expect(reply.support.length).toBeGreaterThan(10);
  });

  it('answers a relative fact with its base and delta, cited where each is stated', async () => {
    const rel = g.answerKey.facts.find((f) => f.relative)!;
    const text = prompt('botcoin.hybrid.refetch.v1', `Fact-Requests: ${JSON.stringify([{ id: 'f9', entity: rel.entity, attribute: rel.attribute }])}`);
    const reply = JSON.parse((await provider.complete({ messages: [{ role: 'user', content: text }] })).text);
    expect(reply.facts[0]).toMatchObject({ id: 'f9', entity: rel.entity, value: rel.value, relativeTo: { entity: rel.relative!.entity, delta: rel.relative!.delta, deltaCitation: `paragraph_${rel.relative!.paragraph}` } });
  });

  it('refuses, loudly, a prompt for an unknown challenge or without a known schema', async () => {
    for (const text of [prompt('botcoin.llm.v1', '', '0xunknown'), prompt('some.other.v1'), 'hello']) {
      const error = await provider.complete({ messages: [{ role: 'user', content: text }] }).catch((e: unknown) => e);
      expect(isMinerError(error)).toBe(true);
      expect(String((error as Error).message)).toMatch(/answer-key replay: (no answer key|unknown Response-Schema|the prompt has no Challenge-Id)/);
    }
  });

  it('describes itself as a replay of the answer key, not a model', () => {
    const d = replay.describe();
    expect(d).toMatchObject({ kind: 'answer-key-replay', model: 'answer-key-replay', baseUrl: replay.baseUrl });
    expect(d.label).toMatch(/not a language model/);
  });
});

describe('answer-key replay faults', () => {
  async function withReplay<T>(faults: Parameters<typeof startAnswerKeyModel>[0]['faults'], run: (p: ModelProvider, r: AnswerKeyModel) => Promise<T>): Promise<T> {
    const entry = { answerKey: g.answerKey, solution: solveWithAnswerKey(g.challenge, g.answerKey) };
    const r = await startAnswerKeyModel({ lookup: (id) => (id === g.challenge.challengeId ? entry : undefined), ...(faults ? { faults } : {}) });
    const p = createProvider({ provider: 'openai', baseUrl: r.baseUrl, model: 'answer-key-replay', retry: { maxAttempts: 1 }, timeoutMs: 300 });
    try {
      return await run(p, r);
    } finally {
      await p.close();
      await r.stop();
    }
  }
  const ask = (p: ModelProvider, schema = 'botcoin.llm.v1', attempt = 1): Promise<string> =>
    p.complete({ messages: [{ role: 'user', content: prompt(schema, '', g.challenge.challengeId, attempt) }] }).then((r) => r.text);

  it('schedules by attempt, by the first N matching calls, and by schema', async () => {
    await withReplay({ rules: [{ fault: 'non_json', when: { attempt: 2 } }, { fault: 'truncated', when: { firstCalls: 1 }, schemas: ['botcoin.llm.repair.v1'] }] }, async (p, r) => {
      await ask(p, 'botcoin.llm.v1', 1);
      await ask(p, 'botcoin.llm.v1', 2);
      await ask(p, 'botcoin.llm.repair.v1', 1);
      await ask(p, 'botcoin.llm.repair.v1', 1);
      expect(r.calls.map((c) => c.faults)).toEqual([[], ['non_json'], ['truncated'], []]);
    });
  });

  it('probability schedules repeat exactly for a seed, and p=0 / p=1 never / always fire', async () => {
    const pattern = async (seed: number, probability: number): Promise<boolean[]> =>
      withReplay({ seed, rules: [{ fault: 'non_json', when: { probability } }] }, async (p, r) => {
        for (let i = 0; i < 12; i += 1) await ask(p);
        return r.calls.map((c) => c.faults.length > 0);
      });
    const a = await pattern(7, 0.5);
    expect(await pattern(7, 0.5)).toEqual(a);
    expect(a.some(Boolean) && !a.every(Boolean)).toBe(true);
    expect((await pattern(7, 0)).some(Boolean)).toBe(false);
    expect((await pattern(7, 1)).every(Boolean)).toBe(true);
  });

  it('content faults: miscounted_artifact adds a word, arithmetic_slip is off by one, wrong_trap_answer gives the fooled answers', async () => {
    const reference = solveWithAnswerKey(g.challenge, g.answerKey);
    await withReplay({ rules: [{ fault: 'miscounted_artifact' }, { fault: 'arithmetic_slip' }, { fault: 'wrong_trap_answer' }] }, async (p) => {
      const reply = JSON.parse(await ask(p));
      expect(reply.artifact.split(' ')).toHaveLength(reference.artifact.split(' ').length + 1);
      const diff = reply.reasoningTrace.filter((s: { result?: number }, i: number) => s.result !== (reference.reasoningTrace[i] as { result?: number }).result);
      expect(diff).toHaveLength(1);
      const changed = Object.keys(reference.submittedAnswers).filter((id) => reply.submittedAnswers[id] !== reference.submittedAnswers[id]);
      expect(changed).toEqual(g.answerKey.trap.affects.filter((id) => id.startsWith('q')));
    });
  });

  it('http_429 carries Retry-After; http_500 is a server error; slow outlasts a short client timeout', async () => {
    await withReplay({ rules: [{ fault: 'http_429', retryAfterSeconds: 7 }] }, async (p, r) => {
      const error = await ask(p).catch((e: unknown) => e);
      expect(isMinerError(error) && error.code).toBe('RATE_LIMITED');
      const raw = await fetch(`${r.baseUrl}/chat/completions`, { method: 'POST', body: JSON.stringify({ messages: [{ role: 'user', content: prompt('botcoin.llm.v1') }] }) });
      expect(raw.status).toBe(429);
      expect(raw.headers.get('retry-after')).toBe('7');
    });
    await withReplay({ rules: [{ fault: 'http_500' }] }, async (p) => {
      const error = await ask(p).catch((e: unknown) => e);
      expect(isMinerError(error) && error.code).toBe('MODEL_UNAVAILABLE');
    });
    await withReplay({ rules: [{ fault: 'slow', delayMs: 1500 }] }, async (p) => {
      const error = await ask(p).catch((e: unknown) => e);
      expect(isMinerError(error) && error.code).toBe('MODEL_UNAVAILABLE');
    });
  });
});
