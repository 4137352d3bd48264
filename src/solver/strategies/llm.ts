/**
 * The llm strategy: the model writes the artifact, the trace and the answers itself; every
 * violation the local checker finds goes back to it for repair, up to `maxRepairs` rounds,
 * before anything is submitted.
 */
import type { Challenge, Solution, TraceStep } from '../../challenge/types.js';
import { checkSolution } from '../../verify/check.js';
import { checkProblems } from '../check-summary.js';
import { ModelSession } from '../model-session.js';
import { dataBlock, promptHeader, renderPrompt } from '../prompts/render.js';
import type { ChatMessage } from '../providers/types.js';
import { llmResponseSchema, SCHEMA_IDS, type LlmResponse } from '../schemas.js';
import { DEFAULT_MAX_REPAIRS, type AttemptRecord, type SolveDeps, type SolveOutcome, type SolveRequest, type SolveStrategy } from '../strategy.js';
import { challengeBlocks, critiquesSection } from './challenge-blocks.js';

export function toSolution(challenge: Challenge, response: LlmResponse): Solution {
  const byLower = new Map(Object.entries(response.submittedAnswers).map(([id, a]) => [id.toLowerCase(), a]));
  const submittedAnswers: Record<string, string> = {};
  for (const q of challenge.questions) {
    const answer = response.submittedAnswers[q.id] ?? byLower.get(q.id.toLowerCase());
    if (answer !== undefined) submittedAnswers[q.id] = answer;
  }
  // One line, single spaces: whitespace runs are a formatting slip, not content.
  const artifact = response.artifact.replace(/\s+/g, ' ').trim();
  return { artifact, reasoningTrace: response.reasoningTrace as TraceStep[], submittedAnswers };
}

function retrySection(history: readonly AttemptRecord[]): string {
  const last = history.at(-1);
  if (!last) return '';
  const fb = last.feedback;
  const answersShort = fb?.questionAnswersCorrect === undefined || fb.questionAnswersCorrect < (fb.questionAnswersTotal ?? 10);
  const focus = answersShort
    ? 'Some answers were wrong: re-read each question, preferring confirmed, verified or audited values over preliminary ones (look for later corrections) and resolving aliases; then rebuild the constraint values from the corrected answers.'
    : 'The answers were right but constraints failed: re-extract every value the constraints use (confirmed values, not preliminary ones), recompute the prime and the equation, and recount the artifact.';
  return `\n${renderPrompt('llm-retry', {
    correct: String(fb?.questionAnswersCorrect ?? '?'),
    total: String(fb?.questionAnswersTotal ?? '?'),
    required: String(fb?.questionAnswersRequired ?? '?'),
    constraintsPassed: String(fb?.constraintsPassed ?? '?'),
    constraintsTotal: String(fb?.constraintsTotal ?? '?'),
    previous: dataBlock('previous-solution', JSON.stringify(last.solution)),
    focus,
  })}\n`;
}

/** The full solve prompt (also what the agent strategy hands to a calling agent). */
export function llmPrompt(challenge: Challenge, attempt: number, history: readonly AttemptRecord[], critiques?: readonly string[]): string {
  return renderPrompt('llm', {
    header: promptHeader(SCHEMA_IDS.llm, challenge.challengeId, attempt),
    ...challengeBlocks(challenge),
    minSteps: String(challenge.traceSubmission.minSteps),
    maxSteps: String(challenge.traceSubmission.maxSteps),
    retry: `${retrySection(history)}${critiquesSection(critiques)}`,
    schema: SCHEMA_IDS.llm,
  });
}

export async function solveLlm(request: SolveRequest, deps: SolveDeps): Promise<SolveOutcome> {
  const { challenge, attempt } = request;
  const session = new ModelSession(deps, request.signal, 'llm');
  const call = { challengeId: challenge.challengeId, attempt, schema: llmResponseSchema };
  let reply = await session.json({ ...call, schemaId: SCHEMA_IDS.llm, messages: [{ role: 'user', content: llmPrompt(challenge, attempt, request.history, request.critiques) }] });
  let solution = toSolution(challenge, reply.value);
  let check = checkSolution(challenge, solution);
  const maxRepairs = deps.maxRepairs ?? DEFAULT_MAX_REPAIRS;
  let repairs = 0;
  while (!check.pass && repairs < maxRepairs) {
    const problems = checkProblems(check);
    const repair = renderPrompt('llm-repair', {
      header: promptHeader(SCHEMA_IDS.llmRepair, challenge.challengeId, attempt),
      problems: problems.map((p) => `- ${p}`).join('\n'),
      schema: SCHEMA_IDS.llmRepair,
    });
    // The repair turn follows the conversation, so the model still has the document.
    const messages: ChatMessage[] = [...reply.messages, { role: 'user', content: repair }];
    reply = await session.json({ ...call, schemaId: SCHEMA_IDS.llmRepair, messages });
    solution = toSolution(challenge, reply.value);
    check = checkSolution(challenge, solution);
    repairs += 1;
  }
  return { solution, check, repairs, ...session.totals };
}

export const llmStrategy: SolveStrategy = { name: 'llm', solve: solveLlm };
