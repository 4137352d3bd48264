/**
 * The answers' own arithmetic in the trace: for a question, the winner's deciding value against
 * the other candidates the model cited for it (`max` when the winner holds the largest, `min`
 * when the smallest). Every trace then carries a real, recomputable compute step even when the
 * challenge has no prime or equation constraint (protocol §8 requires one).
 */
import type { Challenge } from '../../../challenge/types.js';
import type { StepRef, TraceBuilder } from '../../trace-builder.js';
import type { HybridState } from './assemble.js';
import type { ResolvedFact } from './facts.js';

/** Puts a fact in the trace (once) and returns its step. */
export type PlaceFact = (fact: ResolvedFact) => StepRef;

const usable = (f: ResolvedFact): boolean => !f.problem && typeof f.value === 'number' && Number.isFinite(f.value);

/** `max` or `min` when the winner's value is strictly the extreme of the candidates; else undefined. */
function extreme(winner: number, others: readonly number[]): 'max' | 'min' | undefined {
  if (others.every((v) => winner > v)) return 'max';
  if (others.every((v) => winner < v)) return 'min';
  return undefined;
}

/** One comparison for `answer` over `pool` (same attribute, other entities); false when none holds. */
function compareOne(t: TraceBuilder, place: PlaceFact, answer: string, own: readonly ResolvedFact[], pool: readonly ResolvedFact[]): boolean {
  for (const mine of own) {
    const others = new Map<string, ResolvedFact>();
    for (const f of pool) if (f.attribute === mine.attribute && f.entity !== answer && !others.has(f.entity)) others.set(f.entity, f);
    const rivals = [...others.values()];
    const op = rivals.length > 0 ? extreme(mine.value as number, rivals.map((f) => f.value as number)) : undefined;
    if (!op) continue;
    const refs = [mine, ...rivals].map(place);
    t.compute(op, refs.map((r) => r.id), mine.value as number);
    return true;
  }
  return false;
}

/**
 * For every question, compare the winner with the runners-up the model cited for that question.
 * When the model cited no runner-up anywhere, compare one winner with the same attribute of the
 * other entities the trace cites, so at least one answer's computation is always shown.
 */
export function traceAnswerComparisons(t: TraceBuilder, challenge: Challenge, state: HybridState, place: PlaceFact): void {
  const facts = [...state.support, ...state.facts.values()].filter(usable);
  const ownFacts = (qid: string, answer: string): ResolvedFact[] => state.support.filter((f) => f.question === qid && f.entity === answer && usable(f));
  let made = false;
  for (const q of challenge.questions) {
    const answer = state.answers[q.id];
    if (answer === undefined || t.steps.length >= challenge.traceSubmission.maxSteps - 4) continue;
    const candidates = state.support.filter((f) => f.question === q.id && usable(f));
    made = compareOne(t, place, answer, ownFacts(q.id, answer), candidates) || made;
  }
  if (made) return;
  for (const q of challenge.questions) {
    const answer = state.answers[q.id];
    if (answer === undefined) continue;
    // The question's own deciding values first, then anything else cited for the winner.
    const mine = ownFacts(q.id, answer);
    const own = [...mine, ...facts.filter((f) => f.entity === answer && !mine.includes(f))];
    if (compareOne(t, place, answer, own, facts)) return;
  }
}
