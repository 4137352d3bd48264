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
  /** What the trap changes: question ids and/or constraint indices (`c3`). */
  affects: string[];
}

export interface KeyConstraint {
  index: number;
  kind: string;
  /** The value the artifact must satisfy: a token, a prime, an equation, letters, a count. */
  expected: string | number;
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
