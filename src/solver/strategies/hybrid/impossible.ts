/**
 * Constraints as evidence about the answers, before any attempt is spent. The generator (and
 * production) only ask for required values and acrostic letters that avoid the forbidden
 * letter, and only for entities of the roster; when the model's answers make a constraint
 * impossible, one of the answers it depends on is wrong (typically a trap's preliminary value
 * picked the wrong entity). Each finding names exactly the questions to re-ask and why.
 */
import { initials } from '../../../verify/constraints/artifact.js';
import type { Challenge } from '../../../challenge/types.js';
import type { ConstraintNeeds } from '../../constraint-needs.js';
import type { HybridState } from './assemble.js';
import type { FactContext } from './facts.js';

export interface Impossibility {
  /** Question ids whose answers the impossible constraint depends on (the ones to re-ask). */
  questions: string[];
  /** Why the current answers cannot all be right, in words the model and a human can follow. */
  reason: string;
  /** No artifact can be composed at all (a forbidden letter it must contain); otherwise only the local check fails. */
  blocksArtifact: boolean;
}

const questionId = (challenge: Challenge, n: number): string => challenge.questions.find((q) => q.number === n)?.id ?? `q${String(n).padStart(2, '0')}`;

/** Questions a constraint depends on must be answered with a roster entity ("the entity that answers Question k"). */
function unanswered(challenge: Challenge, ctx: FactContext, needs: ConstraintNeeds, state: HybridState): Impossibility[] {
  const used = new Set([...needs.needs.map((n) => n.questionId), ...(needs.acrostic?.questions ?? []).map((n) => questionId(challenge, n))]);
  const out: Impossibility[] = [];
  for (const id of used) {
    const answer = state.answers[id];
    if (answer === undefined) out.push({ questions: [id], reason: `a constraint needs the entity that answers ${id}, and no answer was given`, blocksArtifact: false });
    else if (ctx.rosterName(answer) === undefined) out.push({ questions: [id], reason: `a constraint needs the entity that answers ${id}, and "${answer}" is not in the entity roster`, blocksArtifact: false });
  }
  return out;
}

/** A required value of the answer entity that holds the forbidden letter: the entity is not the answer. */
function forbiddenTokens(needs: ConstraintNeeds, state: HybridState, letter: string): Impossibility[] {
  const out: Impossibility[] = [];
  for (const need of needs.tokens) {
    const fact = state.facts.get(need.id);
    // Even a badly cited value counts: re-asking the answer re-extracts the fact too.
    if (!fact || !String(fact.value).toLowerCase().includes(letter)) continue;
    out.push({
      questions: [need.questionId],
      reason: `the ${need.phrase} of ${fact.entity} (your answer to ${need.questionId}) is "${String(fact.value)}", which contains the letter "${letter}" that the artifact must not contain; the challenge never asks for such a value, so ${fact.entity} is probably not the answer to ${need.questionId}`,
      blocksArtifact: true,
    });
  }
  return out;
}

/** Acrostic letters that hold the forbidden letter, or fewer letters than the acrostic spells. */
function acrosticProblems(challenge: Challenge, needs: ConstraintNeeds, state: HybridState, letter: string | undefined): Impossibility[] {
  const acrostic = needs.acrostic;
  if (!acrostic) return [];
  const parts = acrostic.questions.map((n) => {
    const id = questionId(challenge, n);
    return { id, answer: state.answers[id] ?? '', letters: initials(state.answers[id] ?? '') };
  });
  const out: Impossibility[] = [];
  let offset = 0;
  for (const part of parts) {
    const used = part.letters.slice(0, Math.max(0, acrostic.count - offset));
    offset += part.letters.length;
    if (letter && used.toLowerCase().includes(letter)) {
      out.push({
        questions: [part.id],
        reason: `the acrostic spells the initials of your answer to ${part.id}, "${part.answer}" (${used}), which include the letter "${letter}" that the artifact must not contain; so "${part.answer}" is probably not the answer to ${part.id}`,
        blocksArtifact: true,
      });
    }
  }
  if (offset < acrostic.count && parts.every((p) => p.answer !== '')) {
    out.push({
      questions: parts.map((p) => p.id),
      reason: `the acrostic needs ${acrostic.count} initials from the answers to ${parts.map((p) => p.id).join(' and ')}, but "${parts.map((p) => p.answer).join('" and "')}" have only ${offset}; at least one of these answers is wrong`,
      blocksArtifact: false,
    });
  }
  return out;
}

/** Every way the current answers make a constraint impossible (empty when none is detectable). */
export function impossibilities(challenge: Challenge, ctx: FactContext, needs: ConstraintNeeds, state: HybridState): Impossibility[] {
  const letter = needs.forbiddenLetter?.toLowerCase();
  return [...unanswered(challenge, ctx, needs, state), ...(letter ? forbiddenTokens(needs, state, letter) : []), ...acrosticProblems(challenge, needs, state, letter)];
}
