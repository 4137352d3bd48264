/**
 * Builds a schema-v3 reasoning trace (protocol §8) from facts someone already knows: the
 * reference solver (from an answer key) and the hybrid strategy (from the model's cited facts)
 * share it, so both emit the same step shapes — extracts with ids `e1…`, computes `c1…`,
 * relative values as base + delta + add/subtract, and compound constraint math split into the
 * atomic steps the checker recomputes (prime: mod → add → next_prime; equation: mod → add per
 * term, then add).
 */
import type { TraceStep } from '../challenge/types.js';
import { nextPrime } from '../verify/math.js';

/** A step that holds a value later steps can cite. */
export interface StepRef<V = string | number> {
  id: string;
  value: V;
}

/** A numeric fact step and the `(value mod M) + O` term built on it. */
export interface TermInput {
  fact: StepRef;
  modulus: number;
  offset: number;
}

/** Suffix of the attribute a relative value's delta is extracted under (briefing "Trace conventions"). */
const DELTA_SUFFIX = '.delta';

function numeric(ref: StepRef): number {
  if (typeof ref.value !== 'number') throw new Error(`step ${ref.id} holds "${ref.value}", not a number`);
  return ref.value;
}

export class TraceBuilder {
  readonly steps: TraceStep[] = [];
  private readonly known = new Map<string, StepRef>();
  private counts = { e: 0, c: 0, r: 0 };

  /**
   * The step already holding (entity, attribute), or the one `make` adds — so a fact several
   * constraints and questions use is extracted once.
   */
  once(entity: string, attribute: string, make: () => StepRef): StepRef {
    const key = `${entity.toLowerCase()}\u0000${attribute.toLowerCase()}`;
    const existing = this.known.get(key);
    if (existing) return existing;
    const made = make();
    this.known.set(key, made);
    return made;
  }

  /** Whether (entity, attribute) already has a step. */
  has(entity: string, attribute: string): boolean {
    return this.known.has(`${entity.toLowerCase()}\u0000${attribute.toLowerCase()}`);
  }

  extract(entity: string, attribute: string, value: string | number, paragraph: number): StepRef {
    const step_id = this.nextId('e');
    this.steps.push({ step_id, action: 'extract_fact', targetEntity: entity, attribute, valueExtracted: value, source: `paragraph_${paragraph}` });
    return { id: step_id, value };
  }

  /** A value stated relative to another entity's: extract the delta (cited where stated), then add or subtract. */
  relative(entity: string, attribute: string, base: StepRef, delta: number, paragraph: number): StepRef<number> {
    const deltaStep = this.extract(entity, `${attribute}${DELTA_SUFFIX}`, Math.abs(delta), paragraph);
    const value = delta >= 0 ? numeric(base) + Math.abs(delta) : numeric(base) - Math.abs(delta);
    return { id: this.compute(delta >= 0 ? 'add' : 'subtract', [base.id, deltaStep.id], value), value };
  }

  compute(operation: string, inputs: Array<string | number>, result: number | boolean): string {
    const step_id = this.nextId('c');
    this.steps.push({ step_id, action: 'compute_logic', operation, inputs, result });
    return step_id;
  }

  /** `(v mod M) + O` as two atomic steps (mod, then add). */
  modTerm(term: TermInput): StepRef<number> {
    const { modulus, offset } = term;
    const remainder = ((numeric(term.fact) % modulus) + modulus) % modulus;
    const modId = this.compute('mod', [term.fact.id, modulus], remainder);
    const value = remainder + offset;
    return { id: this.compute('add', [modId, offset], value), value };
  }

  /** nextPrime((v mod M) + O): mod → add → next_prime. */
  prime(term: TermInput): StepRef<number> {
    const x = this.modTerm(term);
    const value = nextPrime(x.value);
    return { id: this.compute('next_prime', [x.id], value), value };
  }

  /** The "A+B=C" token: each term as mod → add, then C = A + B. */
  equation(a: TermInput, b: TermInput): StepRef<string> {
    const left = this.modTerm(a);
    const right = this.modTerm(b);
    const c = left.value + right.value;
    return { id: this.compute('add', [left.id, right.id], c), value: `${left.value}+${right.value}=${c}` };
  }

  /** A `revision` step (recorded, not checked): why this attempt differs from the last. */
  revision(reason: string, changes: string[] = []): string {
    const step_id = this.nextId('r');
    this.steps.push({ step_id, action: 'revision', reason, ...(changes.length > 0 ? { changes } : {}) });
    return step_id;
  }

  private nextId(kind: 'e' | 'c' | 'r'): string {
    this.counts[kind] += 1;
    return `${kind}${this.counts[kind]}`;
  }
}
