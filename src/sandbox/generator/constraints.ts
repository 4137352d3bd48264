/**
 * The eight constraints + tip in the production wording (briefing "Constraint wording"):
 * a plan (which question, which attribute, M, O), the values it implies for given answers,
 * and the text. The forbidden letter avoids every required value and the acrostic letters.
 */
import type { Prng } from '../../util/prng.js';
import { initials } from '../../verify/constraints/artifact.js';
import { modTerm, nextPrime } from '../../verify/math.js';
import { attributeOfFact, factKeys, factPhrase, type DomainLibrary } from './library.js';
import type { ValueReader } from './evaluate.js';

export interface Term {
  question: number;
  fact: string;
  modulus: number;
  offset: number;
}

export interface ConstraintPlan {
  wordCount: number;
  tokens: Array<{ question: number; fact: string }>;
  prime: Term;
  equation: [Term, Term];
  acrostic: { questions: [number, number]; count: number };
  forbidden: string;
}

export interface ConstraintValues {
  wordCount: number;
  tokens: string[];
  prime: number;
  equation: string;
  equationParts: [number, number];
  acrostic: string;
  forbidden: string;
}

const MODULI = [10, 50, 90] as const;
const OFFSET = 10;

/** String facts a required token can use, and integer facts a mod term can use. */
export function tokenFacts(lib: DomainLibrary): string[] {
  return lib.attributes.filter((a) => a.kind === 'category' || a.kind === 'text' || a.kind === 'person').map((a) => a.key);
}

export function integerFacts(lib: DomainLibrary): string[] {
  return factKeys(lib).filter((k) => {
    const attr = attributeOfFact(lib, k);
    return attr.kind === 'year' || attr.kind === 'series' || (attr.kind === 'number' && (attr.decimals ?? 0) === 0);
  });
}

export function constraintValues(plan: ConstraintPlan, answers: readonly string[], values: ValueReader): ConstraintValues {
  const answer = (q: number): string => answers[q - 1] as string;
  const term = (t: Term): number => modTerm(values.num(answer(t.question), t.fact), t.modulus, t.offset);
  const a = term(plan.equation[0]);
  const b = term(plan.equation[1]);
  const letters = plan.acrostic.questions.map((q) => initials(answer(q))).join('');
  return {
    wordCount: plan.wordCount,
    tokens: plan.tokens.map((t) => values.str(answer(t.question), t.fact)),
    prime: nextPrime(term(plan.prime)),
    equation: `${a}+${b}=${a + b}`,
    equationParts: [a, b],
    acrostic: letters.slice(0, plan.acrostic.count),
    forbidden: plan.forbidden,
  };
}

function randomTerm(questions: number, facts: string[], rng: Prng): Term {
  return { question: rng.int(1, questions), fact: rng.pick(facts), modulus: rng.pick(MODULI), offset: OFFSET };
}

/** A plan whose required values leave at least one letter to forbid; undefined if none found. */
export function planConstraints(lib: DomainLibrary, answers: readonly string[], values: ValueReader, rng: Prng): ConstraintPlan | undefined {
  const strings = tokenFacts(lib);
  const integers = integerFacts(lib);
  for (let attempt = 0; attempt < 40; attempt += 1) {
    const tokenQuestions = rng.sample(answers.map((_, i) => i + 1), 3);
    const tokens = tokenQuestions.map((question) => ({ question, fact: rng.pick(strings) }));
    const [qa, qb] = rng.sample(answers.map((_, i) => i + 1), 2) as [number, number];
    const letterCount = initials(answers[qa - 1] as string).length + initials(answers[qb - 1] as string).length;
    const acrostic = { questions: [qa, qb] as [number, number], count: rng.int(Math.min(3, letterCount), letterCount) };
    const equation: [Term, Term] = [randomTerm(answers.length, integers, rng), randomTerm(answers.length, integers, rng)];
    if (equation[0].question === equation[1].question && equation[0].fact === equation[1].fact) continue;
    const draft: ConstraintPlan = {
      wordCount: 0,
      tokens,
      prime: randomTerm(answers.length, integers, rng),
      equation,
      acrostic,
      forbidden: '',
    };
    const v = constraintValues(draft, answers, values);
    const used = new Set(`${v.tokens.join(' ')}${v.acrostic}`.toLowerCase());
    const free = [...'abcdefghijklmnopqrstuvwxyz'].filter((c) => !used.has(c));
    if (free.length === 0) continue;
    const tokenWords = v.tokens.reduce((sum, t) => sum + t.split(' ').length, 0);
    return { ...draft, forbidden: rng.pick(free), wordCount: acrostic.count + tokenWords + 2 + rng.int(8, 22) };
  }
  return undefined;
}

/** The nine constraint strings, in the default order. */
export function constraintTexts(plan: ConstraintPlan, lib: DomainLibrary): string[] {
  const phrase = (fact: string): string => factPhrase(lib, fact);
  const termText = (t: Term): string => `((${phrase(t.fact)} of the answer to Question ${t.question} mod ${t.modulus})+${t.offset})`;
  const [a, b] = plan.equation;
  const [qa, qb] = plan.acrostic.questions;
  return [
    `Write EXACTLY ${plan.wordCount} words. Single line.`,
    ...plan.tokens.map((t) => `Must include the ${phrase(t.fact)} of the ${lib.entityNoun} that answers Question ${t.question}.`),
    `Must include a prime number equal to nextPrime((${phrase(plan.prime.fact)} of the answer to Question ${plan.prime.question} mod ${plan.prime.modulus}) + ${plan.prime.offset}), as digits.`,
    `Must include the equation "A+B=C" (digits, no spaces) where A=${termText(a)} and B=${termText(b)} and C=A+B.`,
    `Acrostic: the first letters of the first ${plan.acrostic.count} words must spell the first ${plan.acrostic.count} letters of (initials(Q${qa})+initials(Q${qb})), uppercased.`,
    `Must NOT contain the letter "${plan.forbidden}" (case-insensitive).`,
    'Tip: avoid extra punctuation-only "words"; words are split on spaces.',
  ];
}
