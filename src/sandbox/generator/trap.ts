/**
 * The superseded-value trap and the relational statements. The trap is a fact whose
 * preliminary value is 15–35 % off and that, read wrongly, changes an answer or a constraint
 * value (checked by re-running every question and constraint on the wrong world).
 */
import type { Prng } from '../../util/prng.js';
import { attributeOfFact, type DomainLibrary } from './library.js';
import { constraintValues, type ConstraintPlan } from './constraints.js';
import { evaluateQuestion, type QuestionSpec } from './evaluate.js';
import { worldReader, type World } from './world.js';

export interface TrapPlan {
  entity: string;
  fact: string;
  correct: number;
  wrong: number;
  variant: 'standard' | 'hard';
  /** Question ids (`q03`) and constraint ids (`c5`, 0-based index) whose value the wrong reading changes. */
  affects: string[];
}

export interface Relation {
  entity: string;
  fact: string;
  base: string;
  delta: number;
}

/** Below this a 15–35 % change is a unit or two: too small to read as a superseded figure. */
const MIN_TRAP_VALUE = 20;

export const questionId = (i: number): string => `q${String(i + 1).padStart(2, '0')}`;

/** Facts eligible for a trap or a relation: plain integer quantities (no years, no decimals). */
function isQuantity(lib: DomainLibrary, fact: string): boolean {
  const attr = attributeOfFact(lib, fact);
  return (attr.kind === 'number' && (attr.decimals ?? 0) === 0) || attr.kind === 'series';
}

/** Constraint ids as `c<index>` with the 0-based payload index (as in `failedConstraintIndices`). */
function constraintDiff(a: ReturnType<typeof constraintValues>, b: ReturnType<typeof constraintValues>): string[] {
  const out: string[] = [];
  a.tokens.forEach((t, i) => {
    if (t !== b.tokens[i]) out.push(`c${i + 1}`);
  });
  if (a.prime !== b.prime) out.push('c4');
  if (a.equation !== b.equation) out.push('c5');
  if (a.acrostic !== b.acrostic) out.push('c6');
  return out;
}

export function chooseTrap(
  world: World,
  specs: readonly QuestionSpec[],
  answers: readonly string[],
  plan: ConstraintPlan,
  candidates: ReadonlyArray<{ entity: string; fact: string }>,
  rng: Prng,
): TrapPlan | undefined {
  const names = world.entities.map((e) => e.name);
  const truth = constraintValues(plan, answers, worldReader(world));
  for (const { entity, fact } of rng.shuffle(candidates)) {
    if (!isQuantity(world.lib, fact)) continue;
    const correct = world.values.get(entity)?.get(fact) as number;
    if (correct < MIN_TRAP_VALUE) continue;
    const percent = rng.int(15, 35) * (rng.chance(50) ? 1 : -1);
    const wrong = Math.floor((correct * (100 + percent) + 50) / 100);
    const off = Math.abs(wrong - correct) * 100;
    if (wrong <= 0 || off < 15 * correct || off > 35 * correct) continue;
    const reader = worldReader(world, { entity, fact, value: wrong });
    const wrongAnswers = specs.map((s) => evaluateQuestion(s, names, reader).winner);
    const affects = wrongAnswers.flatMap((a, i) => (a === answers[i] ? [] : [questionId(i)]));
    affects.push(...constraintDiff(truth, constraintValues(plan, wrongAnswers, reader)));
    if (affects.length === 0) continue;
    return { entity, fact, correct, wrong, variant: rng.chance(40) ? 'hard' : 'standard', affects };
  }
  return undefined;
}

/**
 * Up to `count` relations "A's fact is exactly d above/below B's", on facts the questions read
 * but no constraint uses, never on the trap; a base is never itself relative.
 */
export function chooseRelations(
  world: World,
  reads: ReadonlyArray<{ entity: string; fact: string }>,
  reserved: ReadonlySet<string>,
  count: number,
  rng: Prng,
): Relation[] {
  const id = (e: string, f: string): string => `${e}\u0000${f}`;
  const blocked = new Set(reserved);
  const relations: Relation[] = [];
  for (const { entity, fact } of rng.shuffle(reads)) {
    if (relations.length >= count) break;
    if (!isQuantity(world.lib, fact) || blocked.has(id(entity, fact))) continue;
    const bases = world.entities.map((e) => e.name).filter((b) => b !== entity && !blocked.has(id(b, fact)));
    if (bases.length === 0) continue;
    const base = rng.pick(bases);
    const delta = (world.values.get(entity)?.get(fact) as number) - (world.values.get(base)?.get(fact) as number);
    if (delta === 0) continue;
    relations.push({ entity, fact, base, delta });
    blocked.add(id(entity, fact));
    blocked.add(id(base, fact));
  }
  return relations;
}
