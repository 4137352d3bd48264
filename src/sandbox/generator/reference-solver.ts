/**
 * The reference solution from an answer key: the key's answers, an artifact composed from the
 * expected constraint values, and a full trace — an extract_fact for every fact an answer or
 * constraint uses (cited at a paragraph that states it; relative values as base + delta), and
 * atomic compute steps (prime: mod → add → next_prime; equation: mod → add per term, add for C;
 * questions: sum/average/subtract/ratio per candidate, then max/min).
 */
import type { Challenge, Solution, TraceStep } from '../../challenge/types.js';
import { composeArtifact } from '../../solver/artifact.js';
import { TraceBuilder, type StepRef, type TermInput } from '../../solver/trace-builder.js';
import { roundTo } from '../../verify/math.js';
import type { AnswerKey, KeyAnswerHop, KeyConstraint, KeyFact } from './answer-key.js';

const RATIO_DECIMALS = 4;

/** The answer key's facts as trace steps, each extracted once (relative ones as base + delta). */
class KeyFacts {
  private readonly facts = new Map<string, KeyFact>();

  constructor(
    readonly t: TraceBuilder,
    key: AnswerKey,
  ) {
    for (const f of key.facts) this.facts.set(`${f.entity}\u0000${f.attribute}`, f);
  }

  fact(entity: string, attribute: string): StepRef {
    return this.t.once(entity, attribute, () => {
      const fact = this.facts.get(`${entity}\u0000${attribute}`);
      if (!fact) throw new Error(`answer key has no fact ${entity} / ${attribute}`);
      if (!fact.relative) return this.t.extract(entity, attribute, fact.value, fact.paragraphs[0] as number);
      const base = this.fact(fact.relative.entity, fact.relative.attribute);
      return this.t.relative(entity, attribute, base, fact.relative.delta, fact.relative.paragraph);
    });
  }

  compute(operation: string, inputs: Array<string | number>, result: number | boolean): string {
    return this.t.compute(operation, inputs, result);
  }
}

function num(value: string | number): number {
  if (typeof value !== 'number') throw new Error(`expected a number, got "${value}"`);
  return value;
}

type KeyInput = NonNullable<KeyConstraint['inputs']>[number];

function term(t: KeyFacts, input: KeyInput): TermInput {
  return { fact: t.fact(input.entity, input.attribute), modulus: input.modulus as number, offset: input.offset as number };
}

function traceConstraint(t: KeyFacts, c: KeyConstraint): void {
  const inputs = c.inputs ?? [];
  if (c.kind === 'required_token') {
    for (const i of inputs) t.fact(i.entity, i.attribute);
  } else if (c.kind === 'prime') {
    t.t.prime(term(t, inputs[0] as KeyInput));
  } else if (c.kind === 'equation') {
    t.t.equation(term(t, inputs[0] as KeyInput), term(t, inputs[1] as KeyInput));
  }
}

/** One candidate's score as a step (a fact step for a plain value). */
function scoreStep(t: KeyFacts, hop: KeyAnswerHop, entity: string): { id: string; value: number } {
  const facts = hop.attributes.map((a) => t.fact(entity, a));
  const values = facts.map((f) => num(f.value));
  const ids = facts.map((f) => f.id);
  switch (hop.score) {
    case 'value':
      return { id: ids[0] as string, value: values[0] as number };
    case 'sum': {
      const value = values.reduce((s, v) => s + v, 0);
      return { id: t.compute('sum', ids, value), value };
    }
    case 'average': {
      const value = values.reduce((s, v) => s + v, 0) / values.length;
      return { id: t.compute('average', ids, value), value };
    }
    case 'growth': {
      const value = (values[0] as number) - (values[1] as number);
      return { id: t.compute('subtract', ids, value), value };
    }
    case 'ratio': {
      const value = roundTo((values[0] as number) / (values[1] as number), RATIO_DECIMALS);
      return { id: t.compute('ratio', ids, value), value };
    }
  }
}

function traceHop(t: KeyFacts, hop: KeyAnswerHop, top: number): void {
  const shown = hop.ranking.slice(0, top);
  const filter = hop.filter;
  if (filter?.kind === 'category') for (const e of shown) t.fact(e, filter.attribute);
  if (filter?.kind === 'decline') {
    const quarters = ['q1', 'q2', 'q3', 'q4'].map((q) => t.fact(hop.winner, `${filter.series}.${q}`));
    const drop = quarters.findIndex((q, i) => i > 0 && num(q.value) < num((quarters[i - 1] as typeof q).value));
    if (drop > 0) t.compute('compare_less_than', [(quarters[drop] as { id: string }).id, (quarters[drop - 1] as { id: string }).id], true);
  }
  const scores = shown.map((e) => scoreStep(t, hop, e));
  const best = scores.reduce((b, s) => (hop.pick === 'max' ? Math.max(b, s.value) : Math.min(b, s.value)), scores[0]?.value ?? 0);
  t.compute(hop.pick, scores.map((s) => s.id), best);
}

function buildTrace(key: AnswerKey, top: number): TraceStep[] {
  const t = new KeyFacts(new TraceBuilder(), key);
  for (const c of key.constraints) traceConstraint(t, c);
  for (const answer of key.answers) {
    const hops = answer.hops ?? [];
    hops.forEach((hop, i) => {
      // A chain's second hop filters on the first hop winner's category: show where it comes from.
      const previous = hops[i - 1];
      if (previous && hop.filter?.kind === 'category') t.fact(previous.winner, hop.filter.attribute);
      traceHop(t, hop, top);
    });
  }
  return t.t.steps;
}

export function solveWithAnswerKey(challenge: Challenge, key: AnswerKey): Solution {
  const submittedAnswers: Record<string, string> = {};
  for (const q of challenge.questions) {
    const answer = key.answers.find((a) => a.number === q.number);
    if (answer) submittedAnswers[q.id] = answer.answer;
  }
  let reasoningTrace = buildTrace(key, 3);
  if (reasoningTrace.length > challenge.traceSubmission.maxSteps) reasoningTrace = buildTrace(key, 2);
  const expected = (kind: string): Array<string | number> => key.constraints.filter((c) => c.kind === kind).map((c) => c.expected);
  const artifact = composeArtifact({
    wordCount: Number(expected('word_count')[0]),
    acrostic: String(expected('acrostic')[0] ?? ''),
    required: [...expected('required_token'), ...expected('prime'), ...expected('equation')].map(String),
    ...(expected('forbidden_letter')[0] ? { forbiddenLetter: String(expected('forbidden_letter')[0]) } : {}),
    seed: Number.parseInt(key.challengeId.slice(-8), 16),
  });
  return { artifact, reasoningTrace, submittedAnswers };
}
