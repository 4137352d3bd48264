/**
 * The local checker's `FactSource`: a solution's own answers and the facts its trace extracts.
 *
 * - Answers: `submittedAnswers[id]` of the question at that position (ids are the challenge's
 *   normalised ones; a key differing only in case is accepted).
 * - Attribute values: the trace's `extract_fact` steps in order, the **last** matching one wins,
 *   so a value re-extracted after a `revision` overrides the preliminary one. Entities match
 *   case-insensitively, through aliases too; the attribute phrase via `attributeMatches`.
 * - Relative values: a `compute_logic` `add`/`subtract` whose inputs are an extract of
 *   `<key>.delta` for entity A and an extract of `<key>` (the base entity's) yields
 *   A's `<key>` = that step's result. Nothing deeper (chains of deltas) is followed.
 */
import { attributeMatches } from '../challenge/attributes.js';
import type { AliasMap } from '../challenge/entities.js';
import type { Challenge, ComputeLogicStep, ExtractFactStep, Solution, TraceStep } from '../challenge/types.js';
import { aliasIndex, mergedAliases, prepareChallenge } from './prepared.js';
import type { FactSource } from './types.js';

interface FactRecord {
  entity: string;
  attribute: string;
  value: string | number;
}

const DELTA = '.delta';

export function isExtract(step: TraceStep): step is ExtractFactStep {
  return step.action === 'extract_fact';
}

export function isCompute(step: TraceStep): step is ComputeLogicStep {
  return step.action === 'compute_logic';
}

const sameKey = (a: unknown, b: string): boolean => typeof a === 'string' && a.toLowerCase() === b.toLowerCase();

/** The fact a relative compute step (base + delta) derives, if it is one. */
function derivedFact(step: ComputeLogicStep, byId: Map<unknown, TraceStep>): FactRecord | undefined {
  if ((step.operation !== 'add' && step.operation !== 'subtract') || typeof step.result !== 'number') return undefined;
  const inputs = Array.isArray(step.inputs) ? step.inputs : [];
  const extracts = inputs.map((id) => byId.get(id)).filter((s): s is ExtractFactStep => s !== undefined && isExtract(s));
  const delta = extracts.find((s) => typeof s.attribute === 'string' && s.attribute.toLowerCase().endsWith(DELTA));
  if (!delta) return undefined;
  const key = delta.attribute.slice(0, -DELTA.length);
  const base = extracts.find((s) => s !== delta && sameKey(s.attribute, key));
  return base ? { entity: delta.targetEntity, attribute: key, value: step.result } : undefined;
}

/** Every fact the trace states or derives, in trace order. */
function traceFacts(trace: TraceStep[]): FactRecord[] {
  const byId = new Map<unknown, TraceStep>();
  for (const step of trace) if (!byId.has(step.step_id)) byId.set(step.step_id, step);
  const facts: FactRecord[] = [];
  for (const step of trace) {
    const fact = isExtract(step)
      ? { entity: step.targetEntity, attribute: step.attribute, value: step.valueExtracted }
      : isCompute(step)
        ? derivedFact(step, byId)
        : undefined;
    if (fact && typeof fact.entity === 'string' && typeof fact.attribute === 'string' && fact.value !== undefined) facts.push(fact);
  }
  return facts;
}

export function solutionFacts(challenge: Challenge, solution: Solution, options: { aliases?: AliasMap } = {}): FactSource {
  const prepared = prepareChallenge(challenge);
  const names = aliasIndex(prepared, mergedAliases(prepared, options.aliases));
  const resolve = (name: string): string => names.get(name.trim().toLowerCase()) ?? name.trim().toLowerCase();
  const facts = traceFacts(solution.reasoningTrace).map((f) => ({ ...f, entity: resolve(f.entity) }));
  const answers = new Map(Object.entries(solution.submittedAnswers).map(([id, answer]) => [id.toLowerCase(), answer]));
  return {
    answerTo(number) {
      const question = challenge.questions.find((q) => q.number === number);
      return question ? (solution.submittedAnswers[question.id] ?? answers.get(question.id.toLowerCase())) : undefined;
    },
    attributeOf(entity, phrase) {
      const wanted = resolve(entity);
      for (let i = facts.length - 1; i >= 0; i -= 1) {
        const fact = facts[i];
        if (fact && fact.entity === wanted && attributeMatches(phrase, fact.attribute)) return fact.value;
      }
      return undefined;
    },
  };
}
