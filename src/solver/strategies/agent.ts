/**
 * The agent strategy: the calling agent is the model. `buildAgentTask` is what the CLI prints
 * (the solve prompt, the challenge data and the response schema); `acceptAgentSolution`
 * parses what the agent hands back and runs the local check before anything is submitted.
 */
import { z } from 'zod';
import { parseSolution } from '../../challenge/solution.js';
import type { Challenge } from '../../challenge/types.js';
import { MinerError } from '../../errors.js';
import { checkSolution } from '../../verify/check.js';
import { extractJsonObject } from '../json-output.js';
import { llmResponseSchema, SCHEMA_IDS } from '../schemas.js';
import type { AttemptRecord, SolveOutcome, SolveStrategy } from '../strategy.js';
import { llmPrompt } from './llm.js';

export interface AgentTask {
  /** The full solve prompt (the same one the llm strategy sends a model). */
  prompt: string;
  /** The challenge data an agent needs, as JSON. */
  payload: Record<string, unknown>;
  /** JSON Schema of the answer `acceptAgentSolution` takes. */
  responseSchema: Record<string, unknown>;
  schemaId: string;
}

export function buildAgentTask(challenge: Challenge, options: { attempt?: number; history?: AttemptRecord[]; critiques?: string[] } = {}): AgentTask {
  const attempt = options.attempt ?? 1;
  return {
    prompt: llmPrompt(challenge, attempt, options.history ?? [], options.critiques),
    payload: {
      challengeId: challenge.challengeId,
      attempt,
      doc: challenge.doc,
      questions: challenge.questions.map((q) => ({ id: q.id, text: q.text })),
      constraints: challenge.constraints.map((c) => c.text),
      entities: challenge.entities,
      solveInstructions: challenge.solveInstructions ?? '',
      traceSubmission: challenge.traceSubmission,
    },
    responseSchema: z.toJSONSchema(llmResponseSchema, { io: 'input' }) as Record<string, unknown>,
    schemaId: SCHEMA_IDS.llm,
  };
}

/** The agent's answer (a JSON string, possibly with prose or fences around it, or an object) → a checked outcome. */
export function acceptAgentSolution(challenge: Challenge, raw: unknown): SolveOutcome {
  let value: unknown = raw;
  if (typeof raw === 'string') {
    const extracted = extractJsonObject(raw);
    if (!extracted.ok) {
      throw new MinerError('INVALID_SOLUTION', `The agent's answer is not usable JSON: ${extracted.problem}.`, {
        hint: 'Reply with one JSON object {"artifact", "reasoningTrace", "submittedAnswers"}.',
      });
    }
    value = extracted.value;
  }
  const solution = parseSolution(value);
  return { solution, check: checkSolution(challenge, solution), repairs: 0, modelCalls: 0, costUsd: 0, promptTokens: 0, completionTokens: 0 };
}

export const agentStrategy: SolveStrategy = {
  name: 'agent',
  solve: async () => {
    throw new MinerError('BAD_USAGE', 'The agent strategy makes no model call: the calling agent answers the task itself.', {
      hint: 'Print the task with buildAgentTask (the CLI does this), then pass the answer to acceptAgentSolution.',
    });
  },
};
