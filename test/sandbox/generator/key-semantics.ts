/**
 * An independent re-reading of an answer key for the invariant tests: recomputes every answer
 * from the key's facts alone (optionally with one fact replaced, as a reader who fell for the
 * trap would), without the generator's own evaluation code.
 */
import type { AnswerKey, KeyAnswerHop } from '../../../src/sandbox/generator/answer-key.js';

export type FactLookup = (entity: string, attribute: string) => string | number;

export function factLookup(key: AnswerKey, override?: { entity: string; attribute: string; value: number }): FactLookup {
  const map = new Map(key.facts.map((f) => [`${f.entity}\u0000${f.attribute}`, f.value]));
  return (entity, attribute) => {
    if (override && override.entity === entity && override.attribute === attribute) return override.value;
    const value = map.get(`${entity}\u0000${attribute}`);
    if (value === undefined) throw new Error(`no fact ${entity} / ${attribute}`);
    return value;
  };
}

export interface HopOutcome {
  candidates: string[];
  scores: Array<{ entity: string; score: number }>;
  winner: string;
}

function score(hop: KeyAnswerHop, entity: string, get: FactLookup): number {
  const v = hop.attributes.map((a) => Number(get(entity, a)));
  switch (hop.score) {
    case 'value':
      return v[0] as number;
    case 'sum':
      return v.reduce((s, x) => s + x, 0);
    case 'average':
      return v.reduce((s, x) => s + x, 0) / v.length;
    case 'growth':
      return (v[0] as number) - (v[1] as number);
    case 'ratio':
      return (v[0] as number) / (v[1] as number);
  }
}

/** Re-runs every hop of an answer; a chain's second hop filters on the recomputed first winner. */
export function recomputeAnswer(key: AnswerKey, hops: KeyAnswerHop[], get: FactLookup): HopOutcome[] {
  const names = key.entities.map((e) => e.name);
  const out: HopOutcome[] = [];
  hops.forEach((hop, i) => {
    let candidates = names;
    const filter = hop.filter;
    if (filter?.kind === 'category') {
      const previous = out[i - 1];
      const wanted = previous ? get(previous.winner, filter.attribute) : filter.value;
      candidates = names.filter((e) => get(e, filter.attribute) === wanted);
    } else if (filter?.kind === 'decline') {
      candidates = names.filter((e) => {
        const q = ['q1', 'q2', 'q3', 'q4'].map((x) => Number(get(e, `${filter.series}.${x}`)));
        return q.some((x, j) => j > 0 && x < (q[j - 1] as number));
      });
    }
    const sign = hop.pick === 'max' ? -1 : 1;
    const scores = candidates
      .map((entity) => ({ entity, score: score(hop, entity, get) }))
      .sort((a, b) => sign * (a.score - b.score) || (a.entity < b.entity ? -1 : 1));
    out.push({ candidates, scores, winner: scores[0]?.entity ?? '' });
  });
  return out;
}
