/**
 * The generated world: entity names built from shared prefixes (near-collisions such as
 * "Northwind Analytics" / "Northwind Assurance"), people with shared surnames, and every
 * attribute value as an integer (scaled for decimals) or a string.
 */
import type { Prng } from '../../util/prng.js';
import { QUARTERS, type DomainAttribute, type DomainLibrary } from './library.js';
import type { ValueReader } from './evaluate.js';

export type NamePart = DomainLibrary['names']['prefixes'][number];

export interface WorldEntity {
  name: string;
  prefix: NamePart;
  suffix: NamePart;
  /** Person attribute key → the person's full name (the fact value is the surname). */
  people: Record<string, string>;
}

export type RawValue = number | string;

export interface World {
  lib: DomainLibrary;
  entities: WorldEntity[];
  /** entity name → fact key → raw value. */
  values: Map<string, Map<string, RawValue>>;
}

export const MIN_ENTITIES = 12;
export const MAX_ENTITIES = 20;

function makeNames(lib: DomainLibrary, count: number, rng: Prng): Array<{ prefix: NamePart; suffix: NamePart }> {
  const prefixCount = Math.min(lib.names.prefixes.length, rng.int(Math.ceil(count / 3), Math.ceil(count / 2)));
  const prefixes = rng.sample(lib.names.prefixes, prefixCount);
  const taken = new Set<string>();
  const out: Array<{ prefix: NamePart; suffix: NamePart }> = [];
  while (out.length < count) {
    const prefix = rng.pick(prefixes);
    const suffix = rng.pick(lib.names.suffixes);
    const name = `${prefix.word} ${suffix.word}`;
    if (taken.has(name)) continue;
    taken.add(name);
    out.push({ prefix, suffix });
  }
  return out;
}

function numberIn(attr: DomainAttribute, rng: Prng): number {
  return rng.int(attr.min as number, attr.max as number);
}

/**
 * Four quarters drifting by −12 … +15 % a quarter (declines happen); a step that would leave
 * the range is mirrored instead of clamped, so series never flatten at a bound.
 */
function makeSeries(attr: DomainAttribute, rng: Prng): number[] {
  const min = attr.min as number;
  const max = attr.max as number;
  const out = [numberIn(attr, rng)];
  while (out.length < 4) {
    const previous = out[out.length - 1] as number;
    const change = rng.int(-12, 15);
    let next = Math.floor((previous * (100 + change)) / 100);
    if (next > max || next < min) next = Math.floor((previous * (100 - change)) / 100);
    out.push(Math.min(max, Math.max(min, next)));
  }
  return out;
}

export function createWorld(lib: DomainLibrary, rng: Prng): World {
  const count = rng.int(MIN_ENTITIES, MAX_ENTITIES);
  const surnames = rng.sample(lib.people.last, Math.max(6, Math.ceil(lib.people.last.length * 0.7)));
  const usedPeople = new Set<string>();
  const entities: WorldEntity[] = makeNames(lib, count, rng).map(({ prefix, suffix }) => ({
    name: `${prefix.word} ${suffix.word}`,
    prefix,
    suffix,
    people: {},
  }));
  const values = new Map<string, Map<string, RawValue>>();
  for (const entity of entities) {
    const facts = new Map<string, RawValue>();
    for (const attr of lib.attributes) {
      switch (attr.kind) {
        case 'category':
        case 'text':
          facts.set(attr.key, rng.pick(attr.vocab as string[]));
          break;
        case 'person': {
          let first = rng.pick(lib.people.first);
          let last = rng.pick(surnames);
          while (usedPeople.has(`${first} ${last}`)) {
            first = rng.pick(lib.people.first);
            last = rng.pick(surnames);
          }
          usedPeople.add(`${first} ${last}`);
          entity.people[attr.key] = `${first} ${last}`;
          facts.set(attr.key, last);
          break;
        }
        case 'series':
          makeSeries(attr, rng).forEach((v, i) => facts.set(`${attr.key}.${QUARTERS[i]}`, v));
          break;
        case 'year': {
          const floor = attr.after ? (facts.get(attr.after.key) as number) + attr.after.gap : (attr.min as number);
          const lo = Math.max(attr.min as number, floor);
          facts.set(attr.key, lo >= (attr.max as number) ? lo : rng.int(lo, attr.max as number));
          break;
        }
        default:
          facts.set(attr.key, numberIn(attr, rng));
      }
    }
    values.set(entity.name, facts);
  }
  return { lib, entities, values };
}

/** A reader over the world, optionally with one value overridden (the trap's wrong world). */
export function worldReader(world: World, override?: { entity: string; fact: string; value: number }): ValueReader {
  const get = (entity: string, fact: string): RawValue => {
    if (override && override.entity === entity && override.fact === fact) return override.value;
    const value = world.values.get(entity)?.get(fact);
    if (value === undefined) throw new Error(`no value for ${entity} / ${fact}`);
    return value;
  };
  return {
    num: (e, f) => {
      const v = get(e, f);
      if (typeof v !== 'number') throw new Error(`${e} / ${f} is not numeric`);
      return v;
    },
    str: (e, f) => String(get(e, f)),
  };
}
