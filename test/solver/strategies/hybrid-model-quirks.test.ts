/**
 * The hybrid strategy against replies real models write: aliases and odd casing for entity
 * names, money as "$X million" strings, prose and code fences around the JSON, trailing
 * commas, and a value the model itself marks as preliminary. Scripted on the model API
 * stand-in (real HTTP, OpenAI wire format).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { solveHybrid } from '../../../src/solver/index.js';
import { constraintNeeds } from '../../../src/solver/constraint-needs.js';
import { createProvider } from '../../../src/solver/providers/create-provider.js';
import type { ModelProvider } from '../../../src/solver/providers/types.js';
import { openAiCompletion, startModelApiStandIn, type ScriptedServer } from '../../support/model-api-stand-in.js';
import { coordinatorCheck, failures, generated } from '../replay-fixture.js';
import { attributeMatches } from '../../../src/challenge/attributes.js';
import { isMinerError } from '../../../src/errors.js';
import type { ComputeLogicStep } from '../../../src/challenge/types.js';

const g = generated(0x9a1n, 'companies');
const needs = constraintNeeds(g.challenge);
const answerOf = (qid: string): string => g.answerKey.answers.find((a) => a.questionId === qid)!.answer;
const keyFact = (entity: string, phrase: string) => g.answerKey.facts.find((f) => f.entity === entity && attributeMatches(phrase, f.attribute))!;
const aliasOf = (entity: string): string => g.answerKey.entities.find((e) => e.name === entity)!.aliases[0] ?? entity;

/** Facts for every need, cited as the key cites them; numbers as "$N million" strings. */
function factsReply(): Array<Record<string, unknown>> {
  return needs.needs.map((n) => {
    const fact = keyFact(answerOf(n.questionId), n.phrase);
    return { id: n.id, entity: aliasOf(fact.entity), value: typeof fact.value === 'number' ? `$${fact.value.toLocaleString('en-US')} million` : fact.value, citations: [`paragraph_${fact.paragraphs[0]}`], status: 'confirmed' };
  });
}

describe('hybrid strategy with real-model reply quirks', () => {
  let api: ScriptedServer;
  let provider: ModelProvider;
  beforeEach(async () => {
    api = await startModelApiStandIn();
    provider = createProvider({ provider: 'openai', baseUrl: api.url, model: 'gpt-4o-mini' });
  });
  afterEach(async () => {
    await provider.close();
    await api.close();
  });

  it('resolves aliases and casing to roster names, reads money strings as numbers, and tolerates fences, prose and trailing commas', async () => {
    const answers = Object.fromEntries(g.answerKey.answers.map((a) => [a.questionId.toUpperCase(), a.answer.toLowerCase()]));
    const json = JSON.stringify({ answers, facts: factsReply(), support: [] }, null, 1).replace(/\n\]/g, ',\n]');
    api.reply(openAiCompletion({ text: `Here is what I found.\n\`\`\`json\n${json}\n\`\`\`` }));
    const out = await solveHybrid({ challenge: g.challenge, attempt: 1, history: [] }, { provider });
    expect(api.requests).toHaveLength(1);
    expect(out.solution.submittedAnswers).toEqual(Object.fromEntries(g.answerKey.answers.map((a) => [a.questionId, a.answer])));
    expect(failures(out.check)).toEqual([]);
    expect(failures(coordinatorCheck(g, out.solution, 10))).toEqual([]);
    expect(out.costUsd).toBeGreaterThan(0);
  });

  it('asks again for a value the model itself called preliminary, and uses the confirmed one', async () => {
    const facts = factsReply();
    const target = needs.needs.find((n) => n.numeric)!;
    const fact = keyFact(answerOf(target.questionId), target.phrase);
    // The cited paragraph states the value, but the model says it only found a preliminary figure.
    facts.find((f) => f.id === target.id)!.status = 'preliminary';
    const answers = Object.fromEntries(g.answerKey.answers.map((a) => [a.questionId, a.answer]));
    api.reply(
      openAiCompletion({ text: JSON.stringify({ answers, facts, support: [] }) }),
      openAiCompletion({ text: JSON.stringify({ facts: [{ id: target.id, entity: fact.entity, value: fact.value, citations: [`paragraph_${fact.paragraphs[0]}`], status: 'confirmed' }] }) }),
    );
    const out = await solveHybrid({ challenge: g.challenge, attempt: 1, history: [] }, { provider });
    expect(api.requests).toHaveLength(2);
    const refetch = (api.requests[1]!.json as { messages: Array<{ content: string }> }).messages.at(-1)!.content;
    expect(refetch).toMatch(/^Response-Schema: botcoin\.hybrid\.refetch\.v1$/m);
    expect(/^Fact-Requests: (.*)$/m.exec(refetch)![1]).toContain(`"id":"${target.id}"`);
    expect(refetch).toContain('the value was reported as preliminary');
    expect(out.repairs).toBe(1);
    expect(failures(coordinatorCheck(g, out.solution, 10))).toEqual([]);
  });

  it("compares the winner with the runner-up the model cited in support, as the question's own max/min step", async () => {
    const answer = g.answerKey.answers.find((a) => a.hops?.length === 1 && a.hops[0]!.score === 'value')!;
    const hop = answer.hops![0]!;
    const [winner, runnerUp] = hop.ranking.map((e) => keyFact(e, hop.attributes[0]!));
    const supportFact = (f: typeof winner) => ({ question: answer.questionId, entity: f!.entity, attribute: f!.attribute, value: f!.value, citations: [`paragraph_${f!.paragraphs[0]}`], status: 'confirmed' });
    const answers = Object.fromEntries(g.answerKey.answers.map((a) => [a.questionId, a.answer]));
    api.reply(openAiCompletion({ text: JSON.stringify({ answers, facts: factsReply(), support: [supportFact(winner), supportFact(runnerUp)] }) }));
    const out = await solveHybrid({ challenge: g.challenge, attempt: 1, history: [] }, { provider });
    const steps = out.solution.reasoningTrace;
    const step = (id: unknown) => steps.find((s) => s.step_id === id) as { targetEntity?: string };
    const compare = steps.find((s): s is ComputeLogicStep => s.action === 'compute_logic' && (s as ComputeLogicStep).operation === hop.pick)!;
    expect(compare.inputs.map((id) => step(id).targetEntity)).toEqual([winner!.entity, runnerUp!.entity]);
    expect(compare.result).toBe(winner!.value);
    expect(failures(out.check)).toEqual([]);
    expect(failures(coordinatorCheck(g, out.solution, 10))).toEqual([]);
  });

  it('no usable constraint fact even after the refetch: a clear UNSOLVED error, nothing half-made', async () => {
    const answers = Object.fromEntries(g.answerKey.answers.map((a) => [a.questionId, a.answer]));
    api.reply(openAiCompletion({ text: JSON.stringify({ answers, facts: [] }) }), openAiCompletion({ text: JSON.stringify({ facts: [] }) }));
    const error = await solveHybrid({ challenge: g.challenge, attempt: 1, history: [] }, { provider, maxRepairs: 1 }).catch((e: unknown) => e);
    expect(isMinerError(error) && error.code).toBe('UNSOLVED');
    expect(String((error as Error).message)).toMatch(/no usable value for constraint fact f1/);
    expect(api.requests).toHaveLength(2);
  });
});
