// A stand-in for the critic's model API, in the spirit of the answer-key replay: it answers the
// critic's rubric prompt from the sandbox answer keys, as a perfect domain critic would — it
// names the superseded (preliminary) value the attempt used and the answers that are wrong. It
// is not a language model and measures nothing about critiquing; it gives the e2e test one
// evaluator whose verdict is right where the deterministic auditors' is not.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChatRequest, ChatResult, ModelProvider } from '../../../src/solver/providers/types.js';
import type { AnswerKey } from '../../../src/sandbox/generator/answer-key.js';

interface CriticInput {
  domain: string;
  entities: string[];
  attempt: { submittedAnswers: Record<string, string>; reasoningTrace: Array<Record<string, unknown>> };
}

/** The key of the challenge the critic is shown: same domain and entity roster. */
async function keyFor(dir: string, input: CriticInput): Promise<AnswerKey | undefined> {
  const roster = [...input.entities].sort().join('|');
  for (const file of (await readdir(dir)).filter((f) => f.endsWith('.json'))) {
    const { answerKey } = JSON.parse(await readFile(join(dir, file), 'utf8')) as { answerKey: AnswerKey };
    if (answerKey.domain === input.domain && answerKey.entities.map((e) => e.name).sort().join('|') === roster) return answerKey;
  }
  return undefined;
}

function judge(key: AnswerKey, input: CriticInput): Record<string, unknown> {
  const findings: Array<{ kind: string; stepId?: string; detail: string }> = [];
  const { trap } = key;
  for (const step of input.attempt.reasoningTrace) {
    if (step.action !== 'extract_fact' || step.targetEntity !== trap.entity || step.attribute !== trap.attribute) continue;
    if (String(step.valueExtracted) === String(trap.wrongValue)) {
      findings.push({
        kind: 'superseded_value',
        stepId: String(step.step_id),
        detail: `${trap.entity} ${trap.attribute} = ${trap.wrongValue} is the preliminary figure (paragraph_${trap.wrongParagraphs[0]}); the confirmed value is ${trap.correctValue} (paragraph_${trap.correctParagraphs[0]})`,
      });
    }
  }
  const wrong = key.answers.filter((a) => a.questionId in input.attempt.submittedAnswers && input.attempt.submittedAnswers[a.questionId] !== a.answer);
  for (const a of wrong) findings.push({ kind: 'other', detail: `Question ${a.number}: answered ${input.attempt.submittedAnswers[a.questionId]}, but the confirmed figures make it ${a.answer}` });
  const fail = findings.length > 0;
  return {
    verdict: fail ? 'fail' : 'pass',
    reward: 1 - wrong.length / Math.max(1, key.answers.length),
    confidence: 0.9,
    critique: fail ? findings.map((f) => f.detail).join('\n') : 'No superseded value or alias confusion found.',
    findings,
  };
}

export function answerKeyCritic(answerKeyDir: string): ModelProvider {
  return {
    provider: 'openai',
    model: 'answer-key-critic',
    complete: async (request: ChatRequest): Promise<ChatResult> => {
      const input = JSON.parse(request.messages[0]?.content ?? '{}') as CriticInput;
      const key = await keyFor(answerKeyDir, input);
      const text = key ? JSON.stringify(judge(key, input)) : 'no answer key for this challenge';
      return { text, usage: { promptTokens: 0, completionTokens: 0, totalTokens: 0 }, costUsd: 0, latencyMs: 0, model: 'answer-key-critic', finishReason: 'stop' };
    },
    close: async () => {},
  };
}
