/**
 * What the constraints ask for, read with the checker's own parser: which facts (question k's
 * answer entity, attribute phrase) the solver must extract, and the parameters code derives
 * the prime, the equation, the acrostic and the artifact from.
 */
import { attributeTokens } from '../challenge/attributes.js';
import type { Challenge } from '../challenge/types.js';
import { parseConstraint } from '../verify/constraints/parse.js';
import type { ModTerm } from '../verify/types.js';

export interface FactNeed {
  /** `f1`, `f2`, … in constraint order. */
  id: string;
  /** 1-based question number whose answer entity the fact belongs to. */
  question: number;
  questionId: string;
  /** The constraint's own attribute phrase ("headquarters city"). */
  phrase: string;
  /** Prime and equation inputs must be numbers. */
  numeric: boolean;
}

export interface NeedTerm {
  need: FactNeed;
  modulus: number;
  offset: number;
}

export interface ConstraintNeeds {
  needs: FactNeed[];
  wordCount?: number;
  tokens: FactNeed[];
  primes: NeedTerm[];
  equations: Array<{ a: NeedTerm; b: NeedTerm }>;
  acrostic?: { count: number; questions: number[] };
  forbiddenLetter?: string;
  /** Constraints the parser did not recognise: code cannot satisfy them on purpose. */
  unknown: number[];
}

export function constraintNeeds(challenge: Challenge): ConstraintNeeds {
  const needs: FactNeed[] = [];
  const need = (question: number, phrase: string, numeric: boolean): FactNeed => {
    const tokens = attributeTokens(phrase).join(' ');
    const existing = needs.find((n) => n.question === question && attributeTokens(n.phrase).join(' ') === tokens);
    if (existing) {
      existing.numeric ||= numeric;
      return existing;
    }
    const questionId = challenge.questions.find((q) => q.number === question)?.id ?? `q${String(question).padStart(2, '0')}`;
    const made: FactNeed = { id: `f${needs.length + 1}`, question, questionId, phrase, numeric };
    needs.push(made);
    return made;
  };
  const term = (t: ModTerm): NeedTerm => ({ need: need(t.question, t.attribute, true), modulus: t.modulus, offset: t.offset });
  const out: ConstraintNeeds = { needs, tokens: [], primes: [], equations: [], unknown: [] };
  for (const c of challenge.constraints) {
    const parsed = parseConstraint(c.text, c.index);
    switch (parsed.kind) {
      case 'word_count':
        out.wordCount = parsed.params.count;
        break;
      case 'required_token':
        out.tokens.push(need(parsed.params.question, parsed.params.attribute, false));
        break;
      case 'prime':
        out.primes.push(term(parsed.params));
        break;
      case 'equation':
        out.equations.push({ a: term(parsed.params.a), b: term(parsed.params.b) });
        break;
      case 'acrostic':
        out.acrostic = parsed.params;
        break;
      case 'forbidden_letter':
        out.forbiddenLetter = parsed.params.letter;
        break;
      case 'unknown':
        out.unknown.push(c.index);
        break;
      default:
        break;
    }
  }
  return out;
}
