/**
 * Code's half of the hybrid strategy: from answers and cited facts to a solution. The trace
 * comes from the shared TraceBuilder (extracts, base + delta, prime and equation as atomic
 * steps, the answers' own max/min comparisons); the prime, the equation and the acrostic letters are computed, never asked for; the
 * artifact is composed to the exact word count.
 */
import type { Challenge, Solution } from '../../../challenge/types.js';
import { MinerError } from '../../../errors.js';
import { initials } from '../../../verify/constraints/artifact.js';
import { composeArtifact } from '../../artifact.js';
import type { ConstraintNeeds, NeedTerm } from '../../constraint-needs.js';
import { TraceBuilder, type StepRef } from '../../trace-builder.js';
import { traceAnswerComparisons } from './answer-steps.js';
import type { ResolvedFact } from './facts.js';

export interface HybridState {
  /** Question id → answer (roster names for entity answers). */
  answers: Record<string, string>;
  /** Need id → the fact for that question's answer entity. */
  facts: Map<string, ResolvedFact>;
  /** Facts the answers rest on (only ones whose citations check out are traced). */
  support: ResolvedFact[];
}

export interface Revision {
  reason: string;
  changes: string[];
}

/** The paragraph a step cites: the verified one, else the one the model named (the check will say why it fails). */
const sourceOf = (fact: { paragraph?: number; claimed?: number }): number => fact.paragraph ?? fact.claimed ?? 0;

function factStep(t: TraceBuilder, fact: ResolvedFact): StepRef {
  return t.once(fact.entity, fact.attribute, () => {
    const rel = fact.relative;
    if (!rel) return t.extract(fact.entity, fact.attribute, fact.value, sourceOf(fact));
    const base = t.once(rel.base.entity, fact.attribute, () => t.extract(rel.base.entity, fact.attribute, rel.base.value, sourceOf(rel.base)));
    return t.relative(fact.entity, fact.attribute, base, rel.delta, rel.deltaParagraph ?? rel.deltaClaimed ?? 0);
  });
}

function needFact(state: HybridState, id: string): ResolvedFact {
  const fact = state.facts.get(id);
  if (!fact || fact.value === '') throw new MinerError('UNSOLVED', `The model gave no usable value for constraint fact ${id}.`, { hint: 'Retry, or use a stronger model.' });
  return fact;
}

function term(t: TraceBuilder, state: HybridState, input: NeedTerm): { fact: StepRef; modulus: number; offset: number } {
  return { fact: factStep(t, needFact(state, input.need.id)), modulus: input.modulus, offset: input.offset };
}

export function acrosticLetters(challenge: Challenge, needs: ConstraintNeeds, answers: Record<string, string>): string {
  if (!needs.acrostic) return '';
  const names = needs.acrostic.questions.map((n) => answers[challenge.questions.find((q) => q.number === n)?.id ?? ''] ?? '');
  return names.map(initials).join('').slice(0, needs.acrostic.count);
}

export function assembleSolution(challenge: Challenge, needs: ConstraintNeeds, state: HybridState, revisions: readonly Revision[] = []): Solution {
  const t = new TraceBuilder();
  for (const revision of revisions) t.revision(revision.reason, revision.changes);
  const required: string[] = [];
  for (const need of needs.tokens) required.push(String(factStep(t, needFact(state, need.id)).value));
  for (const prime of needs.primes) required.push(String(t.prime(term(t, state, prime)).value));
  for (const eq of needs.equations) required.push(t.equation(term(t, state, eq.a), term(t, state, eq.b)).value);
  // Support facts are optional context: they never push the trace past its step limit (a relative one takes 3 steps).
  const room = challenge.traceSubmission.maxSteps - 3;
  for (const fact of state.support) if (!fact.problem && !t.has(fact.entity, fact.attribute) && t.steps.length <= room) factStep(t, fact);
  traceAnswerComparisons(t, challenge, state, (fact) => factStep(t, fact));
  const forbidden = needs.forbiddenLetter;
  const artifact = composeArtifact({
    wordCount: needs.wordCount ?? required.join(' ').split(' ').length,
    acrostic: acrosticLetters(challenge, needs, state.answers),
    required,
    ...(forbidden ? { forbiddenLetter: forbidden } : {}),
    seed: Number.parseInt(challenge.challengeId.replace(/[^0-9a-f]/gi, '').slice(-8) || '0', 16),
  });
  const submittedAnswers: Record<string, string> = {};
  for (const q of challenge.questions) {
    const answer = state.answers[q.id];
    if (answer !== undefined) submittedAnswers[q.id] = answer;
  }
  return { artifact, reasoningTrace: t.steps, submittedAnswers };
}
