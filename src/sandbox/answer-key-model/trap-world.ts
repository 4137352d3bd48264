/**
 * The world as a reader who fell for the trap sees it: the trap fact holds its preliminary
 * value, and every question is re-ranked on that — the answers (and hop winners) a fooled
 * model would give. Only questions the key says the trap affects change.
 */
import type { AnswerKey, KeyAnswerHop } from '../generator/answer-key.js';

export interface TrapWorld {
  /** Question id → the fooled answer. */
  answers: Record<string, string>;
  /** Question id → each hop's fooled winner. */
  winners: Record<string, string[]>;
  /** A fact's value as the fooled reader has it. */
  value(entity: string, attribute: string): string | number | undefined;
}

function score(hop: KeyAnswerHop, entity: string, num: (e: string, a: string) => number): number {
  const values = hop.attributes.map((a) => num(entity, a));
  switch (hop.score) {
    case 'value':
      return values[0] as number;
    case 'sum':
      return values.reduce((s, v) => s + v, 0);
    case 'average':
      return values.reduce((s, v) => s + v, 0) / values.length;
    case 'growth':
      return (values[0] as number) - (values[1] as number);
    case 'ratio':
      return (values[0] as number) / (values[1] as number);
  }
}

export function trapWorld(key: AnswerKey): TrapWorld {
  const { trap } = key;
  const facts = new Map(key.facts.map((f) => [`${f.entity}\u0000${f.attribute}`, f.value]));
  const value = (entity: string, attribute: string): string | number | undefined =>
    entity === trap.entity && attribute === trap.attribute ? trap.wrongValue : facts.get(`${entity}\u0000${attribute}`);
  const num = (e: string, a: string): number => Number(value(e, a));
  const names = key.entities.map((e) => e.name);

  const runHop = (hop: KeyAnswerHop, previous: string | undefined): string => {
    let candidates = names;
    const filter = hop.filter;
    if (filter?.kind === 'category') {
      const wanted = previous === undefined ? filter.value : String(value(previous, filter.attribute));
      candidates = candidates.filter((e) => String(value(e, filter.attribute)) === wanted);
    } else if (filter?.kind === 'decline') {
      candidates = candidates.filter((e) => {
        const q = [1, 2, 3, 4].map((i) => num(e, `${filter.series}.q${i}`));
        return q.some((v, i) => i > 0 && v < (q[i - 1] as number));
      });
    }
    const sign = hop.pick === 'max' ? -1 : 1;
    const ranked = candidates.map((e) => ({ e, s: score(hop, e, num) })).sort((a, b) => sign * (a.s - b.s) || (a.e < b.e ? -1 : 1));
    return ranked[0]?.e ?? '';
  };

  const answers: Record<string, string> = {};
  const winners: Record<string, string[]> = {};
  for (const answer of key.answers) {
    const hops = answer.hops ?? [];
    const affected = trap.affects.includes(answer.questionId);
    const won: string[] = [];
    hops.forEach((hop, i) => won.push(affected ? runHop(hop, i > 0 ? won[i - 1] : undefined) : hop.winner));
    winners[answer.questionId] = won;
    answers[answer.questionId] = affected && won.length > 0 ? (won.at(-1) as string) : answer.answer;
  }
  return { answers, winners, value };
}
