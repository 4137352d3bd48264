/**
 * The answer key the generator emits beside each challenge: for the coordinator (verification),
 * the reference solver and the tests. Never served by anything that imitates production.
 */

export type AttributeKind = 'text' | 'category' | 'person' | 'number' | 'year' | 'series';

export interface KeyAttribute {
  /** Canonical attribute name used in traces, e.g. `headquarters.city`, `revenue.q1`. */
  key: string;
  /** The phrase constraints and questions use, e.g. "headquarters city". */
  phrase: string;
  kind: AttributeKind;
}

export interface KeyEntity {
  name: string;
  /** Every other surface name the document uses for it (abbreviation, transposition, initials, person). */
  aliases: string[];
}

export interface KeyFact {
  entity: string;
  /** Canonical attribute key; a quarterly series is four facts `<key>.q1`…`<key>.q4`. */
  attribute: string;
  /** The true (final, verified) value. Numbers are plain JS numbers with no float artefacts. */
  value: string | number;
  /** Paragraphs (1-based) that state this value for this entity (or an alias of it). */
  paragraphs: number[];
  /** Set when the value is stated only relative to another entity's value. */
  relative?: {
    entity: string;
    attribute: string;
    /** value = base value + delta (delta may be negative). */
    delta: number;
    paragraph: number;
  };
}

export interface KeyAnswer {
  questionId: string;
  /** 1-based position. */
  number: number;
  answer: string;
  /** The question shape: argmax, argmin, filter_argmax, series_reduce, ratio, chain, ... */
  shape: string;
  /** The facts (entity + attribute) the answer depends on. */
  uses: Array<{ entity: string; attribute: string }>;
  /** How the answer is computed, hop by hop (a chain has two); lets a solver trace it. */
  hops?: KeyAnswerHop[];
}

/** One ranking step of a question: filter the candidates, score each, pick the max or min. */
export interface KeyAnswerHop {
  pick: 'max' | 'min';
  /** `value`: one fact; `sum`/`average`: the four quarters; `growth`: Q4 − Q1; `ratio`: numerator / denominator. */
  score: 'value' | 'sum' | 'average' | 'growth' | 'ratio';
  /** The fact keys the score reads for each candidate, in the order above (growth: [q4, q1]). */
  attributes: string[];
  /** Category filter (for a chain's second hop: the first hop winner's value), or "declined in some quarter". */
  filter?: { kind: 'category'; attribute: string; value: string } | { kind: 'decline'; series: string };
  /** The entities left after the filter, best first. */
  ranking: string[];
  winner: string;
}

export interface KeyTrap {
  entity: string;
  attribute: string;
  wrongValue: string | number;
  correctValue: string | number;
  /** Paragraphs holding the preliminary/superseded value. */
  wrongParagraphs: number[];
  /** Paragraphs holding the confirmed/verified value. */
  correctParagraphs: number[];
  /** `hard` when the entity's main paragraph holds the wrong value. */
  variant: 'standard' | 'hard';
  /** What the trap changes: question ids and/or constraint ids `c<index>` (0-based payload index). */
  affects: string[];
}

export interface KeyConstraint {
  index: number;
  kind: string;
  /** The value the artifact must satisfy: a token, a prime, an equation, letters, a count. */
  expected: string | number;
  /** What the value is derived from (required token, prime, equation terms, acrostic answers). */
  inputs?: KeyConstraintInput[];
}

export interface KeyConstraintInput {
  /** 1-based question number. */
  question: number;
  /** The answer entity of that question. */
  entity: string;
  /** Canonical fact key (`name` for an acrostic's entity name). */
  attribute: string;
  value: string | number;
  modulus?: number;
  offset?: number;
}

export interface AnswerKey {
  version: 1;
  /** Decimal string of the 128-bit seed. */
  seed: string;
  domain: string;
  challengeId: string;
  entities: KeyEntity[];
  attributes: KeyAttribute[];
  facts: KeyFact[];
  answers: KeyAnswer[];
  trap: KeyTrap;
  constraints: KeyConstraint[];
}
