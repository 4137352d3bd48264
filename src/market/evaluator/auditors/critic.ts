/**
 * The model-backed domain critic: a rubric prompt (critic-rubric.md) asks a configured model
 * for superseded values (preliminary vs confirmed) and alias confusions; its JSON answer is
 * parsed and validated, and anything malformed fails the evaluation (so it is not charged).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { MinerError } from '../../../errors.js';
import type { ModelProvider } from '../../../solver/providers/types.js';
import { verdicts, type RubricItem } from '../../protocol/feedback.js';
import type { Assessment, EvaluationInput } from '../types.js';

const rubricPrompt = readFileSync(new URL('./critic-rubric.md', import.meta.url), 'utf8');

const criticAnswerSchema = z.object({
  verdict: z.enum(verdicts),
  reward: z.number().min(0).max(1),
  confidence: z.number().min(0).max(1),
  critique: z.string().min(1),
  findings: z
    .array(
      z.object({
        kind: z.enum(['superseded_value', 'alias_confusion', 'other']),
        stepId: z.string().optional(),
        detail: z.string().min(1),
      }),
    )
    .default([]),
});

/** The challenge as the model needs it: document, questions, constraints, roster. */
function userMessage(input: EvaluationInput): string {
  const { challenge, solution, request } = input;
  return JSON.stringify({
    studentQuestion: request.task.prompt,
    domain: request.domain,
    entities: challenge.entities,
    questions: challenge.questions.map((q) => ({ id: q.id, number: q.number, text: q.text })),
    constraints: challenge.constraints.map((c) => c.text),
    document: challenge.doc,
    attempt: solution,
  });
}

/** The first JSON object in the text (models sometimes wrap it in a code fence). */
function jsonIn(text: string): unknown {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end <= start) return undefined;
  try {
    return JSON.parse(text.slice(start, end + 1));
  } catch {
    return undefined;
  }
}

export function createCritic(provider: ModelProvider): (input: EvaluationInput) => Promise<Assessment> {
  return async (input) => {
    const result = await provider.complete({
      system: rubricPrompt,
      messages: [{ role: 'user', content: userMessage(input) }],
      responseFormat: 'json',
      ...(input.signal ? { signal: input.signal } : {}),
    });
    const parsed = criticAnswerSchema.safeParse(jsonIn(result.text));
    if (!parsed.success) {
      throw new MinerError('MODEL_UNAVAILABLE', `The critic model ${provider.model} answered with no valid verdict.`, {
        details: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; '),
        hint: 'Use a model that follows JSON instructions; the student was not charged.',
      });
    }
    const answer = parsed.data;
    const rubric: RubricItem[] = answer.findings.map((f) => ({
      criterion: f.kind,
      status: 'fail',
      detail: f.detail,
      ...(f.stepId ? { stepId: f.stepId } : {}),
    }));
    return { verdict: answer.verdict, reward: answer.reward, confidence: answer.confidence, critique: answer.critique, rubric };
  };
}
