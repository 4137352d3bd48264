/**
 * Question semantics on exact integers: each hop ranks candidates by a rational score
 * (value, series sum/average/growth, ratio) compared by cross-multiplication, so a winner and
 * its margin never depend on floating point.
 */
import { quarterKeys } from './library.js';

export type Pick = 'max' | 'min';
export type Shape = 'argmax' | 'argmin' | 'filter_argmax' | 'series_reduce' | 'ratio' | 'chain';

export type ScoreSpec =
  | { kind: 'value'; fact: string }
  | { kind: 'sum' | 'average' | 'growth'; series: string }
  | { kind: 'ratio'; numerator: string; denominator: string };

export type FilterSpec = { kind: 'category'; attribute: string; value: string } | { kind: 'decline'; series: string };

export interface HopSpec {
  pick: Pick;
  score: ScoreSpec;
  filter?: FilterSpec;
}

export interface QuestionSpec {
  shape: Shape;
  hops: HopSpec[];
  /** Chains: the category attribute whose value of hop 1's winner filters hop 2. */
  via?: string;
}

export interface Rational {
  n: bigint;
  d: bigint;
}

export interface HopResult {
  candidates: string[];
  filter?: FilterSpec;
  score: ScoreSpec;
  pick: Pick;
  /** Best first; ties broken by name so the order is deterministic. */
  ranking: Array<{ entity: string; score: Rational }>;
  winner: string;
}

export interface QuestionResult {
  winner: string;
  hops: HopResult[];
  /** Every (entity, fact) the evaluation read (empty unless requested). */
  reads: Array<{ entity: string; fact: string }>;
}

/** Read access to a world's raw values (numbers as scaled integers). */
export interface ValueReader {
  num(entity: string, fact: string): number;
  str(entity: string, fact: string): string;
}

/** The facts a score reads for one entity. */
export function scoreFacts(score: ScoreSpec): string[] {
  if (score.kind === 'value') return [score.fact];
  if (score.kind === 'ratio') return [score.numerator, score.denominator];
  if (score.kind === 'growth') return [`${score.series}.q4`, `${score.series}.q1`];
  return quarterKeys(score.series);
}

function scoreOf(score: ScoreSpec, entity: string, read: (e: string, f: string) => number): Rational {
  switch (score.kind) {
    case 'value':
      return { n: BigInt(read(entity, score.fact)), d: 1n };
    case 'ratio':
      return { n: BigInt(read(entity, score.numerator)), d: BigInt(read(entity, score.denominator)) };
    case 'growth':
      return { n: BigInt(read(entity, `${score.series}.q4`) - read(entity, `${score.series}.q1`)), d: 1n };
    default: {
      const total = quarterKeys(score.series).reduce((sum, k) => sum + read(entity, k), 0);
      return { n: BigInt(total), d: score.kind === 'average' ? 4n : 1n };
    }
  }
}

export function compareRational(a: Rational, b: Rational): number {
  const left = a.n * b.d;
  const right = b.n * a.d;
  return left === right ? 0 : left > right ? 1 : -1;
}

function absRational(a: Rational): Rational {
  return { n: a.n < 0n ? -a.n : a.n, d: a.d };
}

/**
 * The documented margin: the winner beats the runner-up by at least 3 % of the larger of the
 * two magnitudes (and strictly), except a year, which must differ by at least 2 years.
 */
export function hasMargin(hop: HopResult, isYear: boolean): boolean {
  const [first, second] = hop.ranking;
  if (!first || !second) return false;
  const diff: Rational = { n: first.score.n * second.score.d - second.score.n * first.score.d, d: first.score.d * second.score.d };
  const gap = absRational(diff);
  if (gap.n === 0n) return false;
  if (isYear) return gap.n >= 2n * gap.d;
  const big = compareRational(absRational(first.score), absRational(second.score)) >= 0 ? absRational(first.score) : absRational(second.score);
  // gap / 1 ≥ 0.03 · big  ⇔  100 · gap.n · big.d ≥ 3 · big.n · gap.d
  return 100n * gap.n * big.d >= 3n * big.n * gap.d;
}

export function declines(entity: string, series: string, read: (e: string, f: string) => number): boolean {
  const q = quarterKeys(series).map((k) => read(entity, k));
  return q.some((v, i) => i > 0 && v < (q[i - 1] as number));
}

function runHop(hop: HopSpec, entities: readonly string[], values: ValueReader, log: (e: string, f: string) => void): HopResult {
  const num = (e: string, f: string): number => {
    log(e, f);
    return values.num(e, f);
  };
  let candidates = entities.slice();
  const filter = hop.filter;
  if (filter?.kind === 'category') {
    candidates = candidates.filter((e) => {
      log(e, filter.attribute);
      return values.str(e, filter.attribute) === filter.value;
    });
  } else if (filter?.kind === 'decline') {
    candidates = candidates.filter((e) => declines(e, filter.series, num));
  }
  const scored = candidates.map((entity) => ({ entity, score: scoreOf(hop.score, entity, num) }));
  const sign = hop.pick === 'max' ? -1 : 1;
  scored.sort((a, b) => sign * compareRational(a.score, b.score) || (a.entity < b.entity ? -1 : a.entity > b.entity ? 1 : 0));
  const winner = scored[0]?.entity ?? '';
  return { candidates, ...(filter ? { filter } : {}), score: hop.score, pick: hop.pick, ranking: scored, winner };
}

/**
 * Runs a question over a world; chains resolve hop 2's filter from hop 1's winner. `reads` is
 * only collected on request (question selection evaluates hundreds of drafts without it).
 */
export function evaluateQuestion(spec: QuestionSpec, entities: readonly string[], values: ValueReader, withReads = false): QuestionResult {
  const reads: Array<{ entity: string; fact: string }> = [];
  const seen = new Set<string>();
  const log = (entity: string, fact: string): void => {
    if (!withReads) return;
    const id = `${entity}\u0000${fact}`;
    if (!seen.has(id)) {
      seen.add(id);
      reads.push({ entity, fact });
    }
  };
  const hops: HopResult[] = [];
  for (const [i, hop] of spec.hops.entries()) {
    let effective = hop;
    if (i > 0 && spec.via) {
      const previous = hops[i - 1] as HopResult;
      log(previous.winner, spec.via);
      effective = { ...hop, filter: { kind: 'category', attribute: spec.via, value: values.str(previous.winner, spec.via) } };
    }
    hops.push(runHop(effective, entities, values, log));
  }
  return { winner: hops[hops.length - 1]?.winner ?? '', hops, reads };
}
