/** The hybrid strategy's two prompts: the full read (answers + facts) and the specific refetch. */
import type { Challenge } from '../../../challenge/types.js';
import type { FactNeed } from '../../constraint-needs.js';
import { dataBlock, promptHeader, renderPrompt } from '../../prompts/render.js';
import { SCHEMA_IDS } from '../../schemas.js';
import { challengeBlocks, critiquesSection } from '../challenge-blocks.js';
import type { FactContext } from './facts.js';

/** One fact the refetch asks for again. */
export interface RefetchItem {
  id: string;
  entity: string;
  attribute: string;
  kind: 'number' | 'text';
  previous?: string | number;
  problem: string;
}

/** Attribute phrases come from constraint text: keep them to words so they cannot carry instructions. */
export function safePhrase(phrase: string): string {
  return phrase.replace(/[^\p{L}\p{N}' ._-]/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, 60);
}

export function factRequestsLine(needs: readonly FactNeed[]): string {
  return JSON.stringify(needs.map((n) => ({ id: n.id, question: n.questionId, attribute: safePhrase(n.phrase), kind: n.numeric ? 'number' : 'text' })));
}

export interface MainPromptInput {
  challenge: Challenge;
  attempt: number;
  needs: readonly FactNeed[];
  /** Set on a retry whose answers fell short. */
  retry?: { correct: number | string; total: number | string; required: number | string; previousAnswers: Record<string, string> };
  critiques?: readonly string[];
}

export function mainPrompt(input: MainPromptInput): string {
  const { challenge } = input;
  const retry = input.retry
    ? renderPrompt('hybrid-retry-answers', {
        correct: String(input.retry.correct),
        total: String(input.retry.total),
        required: String(input.retry.required),
        previousAnswers: dataBlock('previous-answers', JSON.stringify(input.retry.previousAnswers, null, 1)),
      })
    : '';
  return renderPrompt('hybrid', {
    header: promptHeader(SCHEMA_IDS.hybrid, challenge.challengeId, input.attempt),
    ...challengeBlocks(challenge),
    factRequests: factRequestsLine(input.needs),
    retry: `${retry ? `\n${retry}\n` : ''}${critiquesSection(input.critiques)}`,
    schema: SCHEMA_IDS.hybrid,
  });
}

export interface RefetchPromptInput {
  challenge: Challenge;
  attempt: number;
  ctx: FactContext;
  items: readonly RefetchItem[];
  reason: string;
  critiques?: readonly string[];
}

export function refetchPrompt(input: RefetchPromptInput): string {
  const entities = [...new Set(input.items.map((i) => i.entity))];
  const paragraphs = input.ctx.paragraphsAbout(entities) || input.challenge.doc;
  const requests = input.items.map((i) => ({
    id: i.id,
    entity: i.entity,
    attribute: safePhrase(i.attribute),
    kind: i.kind,
    ...(i.previous !== undefined && i.previous !== '' ? { previous: i.previous } : {}),
    problem: i.problem,
  }));
  return renderPrompt('hybrid-refetch', {
    header: promptHeader(SCHEMA_IDS.hybridRefetch, input.challenge.challengeId, input.attempt),
    reason: input.reason,
    paragraphs: dataBlock('paragraphs', paragraphs) + critiquesSection(input.critiques),
    factRequests: JSON.stringify(requests),
    schema: SCHEMA_IDS.hybridRefetch,
  });
}

export interface ReanswerPromptInput {
  challenge: Challenge;
  attempt: number;
  /** The questions to answer again. */
  questionIds: readonly string[];
  /** The constraint facts of those questions, to extract for the new answers. */
  needs: readonly FactNeed[];
  /** Why the previous answers cannot be right (from the model's own answers and the constraints). */
  problems: readonly string[];
  critiques?: readonly string[];
}

/** Re-asks exactly the questions an impossible constraint depends on (same response shape as the full read). */
export function reanswerPrompt(input: ReanswerPromptInput): string {
  const { challenge } = input;
  const blocks = challengeBlocks(challenge);
  const asked = new Set(input.questionIds);
  return renderPrompt('hybrid-reanswer', {
    header: promptHeader(SCHEMA_IDS.hybrid, challenge.challengeId, input.attempt),
    problems: dataBlock('answer-problems', input.problems.map((p) => `- ${p}`).join('\n')),
    document: blocks.document,
    questions: dataBlock('questions', challenge.questions.filter((q) => asked.has(q.id)).map((q) => `${q.id}: ${q.text}`).join('\n')),
    roster: blocks.roster,
    instructions: blocks.instructions,
    factRequests: factRequestsLine(input.needs),
    critiques: critiquesSection(input.critiques),
    schema: SCHEMA_IDS.hybrid,
  });
}
