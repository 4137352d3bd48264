/**
 * Multi-pass retries from the coordinator's counts (spec/miner.md §1): too few correct
 * answers → re-read the answers (superseded values, aliases); answers right but constraints
 * short → keep the answers and re-extract the constraint facts. The new trace opens with a
 * `revision` step saying what changed.
 */
import type { Challenge } from '../../../challenge/types.js';
import { isExtract } from '../../../verify/facts.js';
import type { AttemptRecord } from '../../strategy.js';
import type { HybridState, Revision } from './assemble.js';

export interface RetryPlan {
  mode: 'fresh' | 'answers' | 'facts';
  /** For the answers re-read prompt. */
  answers?: { correct: number | string; total: number | string; required: number | string; previousAnswers: Record<string, string> };
  previousAnswers?: Record<string, string>;
  summary?: string;
}

export function planRetry(challenge: Challenge, history: readonly AttemptRecord[]): RetryPlan {
  const last = history.at(-1);
  if (!last) return { mode: 'fresh' };
  const fb = last.feedback;
  const previousAnswers = last.solution.submittedAnswers;
  const total = fb?.questionAnswersTotal ?? challenge.questions.length;
  const correct = fb?.questionAnswersCorrect;
  const summary = fb
    ? `the coordinator counted ${correct ?? '?'}/${total} answers correct and ${fb.constraintsPassed ?? '?'}/${fb.constraintsTotal ?? '?'} constraints passed`
    : 'the previous attempt was not accepted';
  const answersShort = correct === undefined || correct < total;
  const constraintsShort = fb?.constraintsPassed !== undefined && fb.constraintsTotal !== undefined && fb.constraintsPassed < fb.constraintsTotal;
  if (!answersShort && constraintsShort) return { mode: 'facts', previousAnswers, summary };
  return {
    mode: 'answers',
    answers: { correct: correct ?? 'an unknown number', total, required: fb?.questionAnswersRequired ?? 'a minimum', previousAnswers },
    previousAnswers,
    summary,
  };
}

/** What this attempt changes relative to the last one: answers and constraint fact values. */
export function revisionFor(plan: RetryPlan, history: readonly AttemptRecord[], state: HybridState): Revision | undefined {
  const last = history.at(-1);
  if (!last || plan.mode === 'fresh') return undefined;
  const changes: string[] = [];
  for (const [id, answer] of Object.entries(state.answers)) {
    const before = last.solution.submittedAnswers[id];
    if (before !== answer) changes.push(`${id}: ${before ?? '(none)'} -> ${answer}`);
  }
  const previous = last.solution.reasoningTrace.filter(isExtract);
  for (const fact of state.facts.values()) {
    const old = previous.findLast((s) => s.targetEntity === fact.entity && s.attribute === fact.attribute);
    if (old && old.valueExtracted !== fact.value) changes.push(`${fact.entity} ${fact.attribute}: ${String(old.valueExtracted)} -> ${String(fact.value)}`);
  }
  const action = plan.mode === 'answers' ? 're-read the answers, preferring confirmed over preliminary values' : 'kept the answers and re-extracted the constraint facts';
  return { reason: `Attempt ${history.length + 1}: ${plan.summary ?? 'retry'}; ${action}.`, changes };
}
