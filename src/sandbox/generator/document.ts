/**
 * Writes the document: per entity a main paragraph (alias introduction + some facts) and
 * further paragraphs scattering the rest under aliases; the trap's preliminary and confirmed
 * sentences; relational statements; decoys; memo/transcript paragraphs; background. Every
 * exact statement of a fact is recorded with its paragraph for the answer key.
 */
import type { Prng } from '../../util/prng.js';
import { QUARTERS, attributeOfFact, factKeys, factPhrase, type DomainLibrary } from './library.js';
import { formatApprox, formatDelta, formatExact } from './format.js';
import { capitalize, fillTemplate } from './template.js';
import { introSentence, laterSurfaces, type EntityAliases } from './aliases.js';
import type { Relation, TrapPlan } from './trap.js';
import type { World, WorldEntity } from './world.js';

export const MIN_PARAGRAPHS = 60;
export const MAX_PARAGRAPHS = 100;

interface Unit {
  entity?: string;
  seq: number;
  sentences: string[];
  /** Exact statements in this unit: `entity\0fact`. */
  states: string[];
}

export interface DocumentResult {
  doc: string;
  /** `entity\0fact` → paragraph numbers (1-based) that state the true value. */
  factParagraphs: Map<string, number[]>;
  /** Paragraph of each relation, in the order of the relations given. */
  relationParagraphs: number[];
  trapWrongParagraphs: number[];
  trapCorrectParagraphs: number[];
  /** entity → aliases the document actually uses. */
  usedAliases: Map<string, string[]>;
}

const factId = (entity: string, fact: string): string => `${entity}\u0000${fact}`;

interface Item {
  facts: string[];
  render: (surface: string, rng: Prng) => string;
}

/** A sentence stating one fact (or a whole series) with the given raw value(s). */
function factSentence(world: World, entity: WorldEntity, fact: string, raw: number | string, surface: string, rng: Prng): string {
  const attr = attributeOfFact(world.lib, fact);
  if (attr.kind === 'series') {
    const quarter = fact.slice(attr.key.length + 1).toUpperCase();
    return fillTemplate(rng.pick(attr.quarterTemplates as string[]), { entity: surface, quarter, value: formatExact(attr, raw as number, rng) });
  }
  const value = attr.kind === 'person' ? (entity.people[attr.key] as string) : typeof raw === 'number' ? formatExact(attr, raw, rng) : raw;
  return fillTemplate(rng.pick(attr.templates), { entity: surface, value });
}

function entityItems(world: World, entity: WorldEntity, skip: Set<string>, rng: Prng): Item[] {
  const values = world.values.get(entity.name) as Map<string, number | string>;
  const items: Item[] = [];
  for (const attr of world.lib.attributes) {
    if (attr.kind === 'series') {
      const keys = QUARTERS.map((q) => `${attr.key}.${q}`);
      const open = keys.filter((k) => !skip.has(k));
      if (open.length === 4 && rng.chance(60)) {
        items.push({
          facts: keys,
          render: (surface, r) => {
            const vars: Record<string, string> = { entity: surface };
            keys.forEach((k, i) => (vars[`q${i + 1}`] = formatExact(attr, values.get(k) as number, r)));
            return fillTemplate(r.pick(attr.templates), vars);
          },
        });
      } else {
        for (const k of open) items.push({ facts: [k], render: (s, r) => factSentence(world, entity, k, values.get(k) as number, s, r) });
      }
    } else if (!skip.has(attr.key)) {
      items.push({ facts: [attr.key], render: (s, r) => factSentence(world, entity, attr.key, values.get(attr.key) as number | string, s, r) });
    }
  }
  return rng.shuffle(items);
}

/** How many paragraphs each entity gets so the total lands in [60, 100]. */
function paragraphBudget(entityCount: number, extras: number, rng: Prng): number[] {
  const target = rng.int(MIN_PARAGRAPHS + 2, MAX_PARAGRAPHS - 2);
  const budget = Math.max(0, target - extras);
  const base = Math.floor(budget / entityCount);
  const spare = budget - base * entityCount;
  return Array.from({ length: entityCount }, (_, i) => Math.min(8, Math.max(3, base + (i < spare ? 1 : 0))));
}

interface EntityPlan {
  world: World;
  entity: WorldEntity;
  aliases: EntityAliases;
  paragraphs: number;
  trap: TrapPlan | undefined;
  relative: Set<string>;
  used: Set<string>;
}

function entityUnits(p: EntityPlan, rng: Prng): Unit[] {
  const { world, entity, aliases } = p;
  const lib = world.lib;
  const trap = p.trap && p.trap.entity === entity.name ? p.trap : undefined;
  const skip = new Set(p.relative);
  if (trap) skip.add(trap.fact);
  const items = entityItems(world, entity, skip, rng);
  const units: Unit[] = Array.from({ length: p.paragraphs }, (_, seq) => ({ entity: entity.name, seq, sentences: [], states: [] }));
  const main = units[0] as Unit;
  main.sentences.push(capitalize(introSentence(world, entity, aliases, rng)));
  p.used.add(aliases.alias);
  if (aliases.surname) p.used.add(aliases.surname);
  const mainCount = Math.min(items.length - (p.paragraphs - 1), rng.int(3, 5));
  const surfaces = laterSurfaces(world, entity, aliases);
  const surface = (seq: number): string => {
    if (seq === 0) return rng.chance(70) ? entity.name : aliases.kind === 'person' ? entity.name : aliases.alias;
    const s = rng.pick(surfaces);
    if (s.alias) p.used.add(s.alias);
    return s.text;
  };
  items.forEach((item, i) => {
    const seq = i < mainCount ? 0 : 1 + ((i - mainCount) % (p.paragraphs - 1));
    const unit = units[seq] as Unit;
    unit.sentences.push(capitalize(item.render(surface(seq), rng)));
    unit.states.push(...item.facts.map((f) => factId(entity.name, f)));
  });
  if (trap) {
    const attr = attributeOfFact(lib, trap.fact);
    const vars = (raw: number, seq: number): Record<string, string> => ({
      entity: surface(seq),
      phrase: factPhrase(lib, trap.fact),
      value: formatExact(attr, raw, rng),
    });
    if (trap.variant === 'hard') {
      main.sentences.push(capitalize(factSentence(world, entity, trap.fact, trap.wrong, entity.name, rng)));
      const seq = rng.int(1, p.paragraphs - 1);
      (units[seq] as Unit).sentences.push(capitalize(fillTemplate(rng.pick(lib.trap.correction), vars(trap.correct, seq))));
      (units[seq] as Unit).states.push(factId(entity.name, trap.fact), 'trap:correct');
      main.states.push('trap:wrong');
    } else {
      const first = rng.int(1, p.paragraphs - 2);
      const second = rng.int(first + 1, p.paragraphs - 1);
      (units[first] as Unit).sentences.push(capitalize(fillTemplate(rng.pick(lib.trap.preliminary), vars(trap.wrong, first))));
      (units[first] as Unit).states.push('trap:wrong');
      (units[second] as Unit).sentences.push(capitalize(fillTemplate(rng.pick(lib.trap.confirmed), vars(trap.correct, second))));
      (units[second] as Unit).states.push(factId(entity.name, trap.fact), 'trap:correct');
    }
  }
  for (const unit of units.slice(1)) unit.sentences = rng.shuffle(unit.sentences);
  return units;
}

/** A random valid calendar date (leap years included), ISO formatted. */
function isoDate(rng: Prng): string {
  const year = rng.int(2019, 2026);
  const month = rng.int(1, 12);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] as number;
  return `${year}-${String(month).padStart(2, '0')}-${String(rng.int(1, days)).padStart(2, '0')}`;
}

interface ExtraContext {
  world: World;
  trap: TrapPlan;
  relative: Set<string>;
  /** Facts safe to restate or to decoy: numeric, not the trap, not relative. */
  plain: Array<{ entity: WorldEntity; fact: string }>;
}

function plainFacts(world: World, trap: TrapPlan, relative: Set<string>): Array<{ entity: WorldEntity; fact: string }> {
  const keys = factKeys(world.lib).filter((k) => {
    const kind = attributeOfFact(world.lib, k).kind;
    return kind === 'number' || kind === 'series';
  });
  const ctx = { trap, relative };
  return world.entities.flatMap((entity) =>
    keys
      .filter((fact) => !(ctx.trap.entity === entity.name && ctx.trap.fact === fact) && !ctx.relative.has(factId(entity.name, fact)))
      .map((fact) => ({ entity, fact })),
  );
}

function memoUnit(ctx: ExtraContext, rng: Prng): Unit {
  const lib = ctx.world.lib;
  const unit: Unit = { seq: 0, sentences: [fillTemplate(rng.pick(lib.memos.headers), { date: isoDate(rng), plural: lib.entityPlural })], states: [] };
  const pool = ctx.plain;
  for (let i = rng.int(2, 3); i > 0; i -= 1) {
    const { entity, fact } = rng.pick(pool);
    const attr = attributeOfFact(lib, fact);
    const raw = ctx.world.values.get(entity.name)?.get(fact) as number;
    const value = formatExact(attr, raw, rng);
    const approx = formatApprox(attr, raw);
    const vars = { role: rng.pick(lib.memos.roles), entity: entity.name, phrase: factPhrase(lib, fact), value };
    if (approx && rng.chance(35)) {
      unit.sentences.push(fillTemplate(rng.pick(lib.memos.approx), { ...vars, value: approx }));
    } else {
      unit.sentences.push(fillTemplate(rng.pick(lib.memos.lines), vars));
      unit.states.push(factId(entity.name, fact));
    }
  }
  return unit;
}

function decoyUnit(ctx: ExtraContext, rng: Prng): Unit {
  const lib = ctx.world.lib;
  const sentences: string[] = [];
  const pool = ctx.plain;
  for (let i = rng.int(1, 2); i > 0; i -= 1) {
    const { entity, fact } = rng.pick(pool);
    const attr = attributeOfFact(lib, fact);
    const truth = ctx.world.values.get(entity.name)?.get(fact) as number;
    const percent = rng.int(8, 40) * (rng.chance(50) ? 1 : -1);
    const decoy = Math.max(1, Math.floor((truth * (100 + percent)) / 100));
    if (decoy === truth) continue;
    sentences.push(capitalize(fillTemplate(rng.pick(lib.decoys), { entity: entity.name, phrase: factPhrase(lib, fact), value: formatExact(attr, decoy, rng) })));
  }
  return { seq: 0, sentences: sentences.length > 0 ? sentences : [fillTemplate(rng.pick(lib.background), { noun: lib.entityNoun, plural: lib.entityPlural })], states: [] };
}

function relationUnit(world: World, relation: Relation, index: number, rng: Prng): Unit {
  const lib = world.lib;
  const template = rng.pick(lib.relational);
  const vars = { entity: relation.entity, other: relation.base, phrase: factPhrase(lib, relation.fact), delta: formatDelta(attributeOfFact(lib, relation.fact), relation.delta) };
  return { seq: 0, sentences: [capitalize(fillTemplate(relation.delta > 0 ? template.above : template.below, vars))], states: [`relation:${index}`] };
}

/** Random slots, but each entity's own units keep their order (intro first, trap wrong before right). */
function order(units: Unit[], rng: Prng): Unit[] {
  const shuffled = rng.shuffle(units);
  const byEntity = new Map<string, number[]>();
  shuffled.forEach((u, i) => {
    if (u.entity !== undefined) byEntity.set(u.entity, [...(byEntity.get(u.entity) ?? []), i]);
  });
  const out = shuffled.slice();
  for (const slots of byEntity.values()) {
    const own = slots.map((i) => shuffled[i] as Unit).sort((a, b) => a.seq - b.seq);
    slots.forEach((slot, k) => (out[slot] = own[k] as Unit));
  }
  return out;
}

export function writeDocument(
  world: World,
  aliases: Map<string, EntityAliases>,
  trap: TrapPlan,
  relations: Relation[],
  rng: Prng,
): DocumentResult {
  const lib: DomainLibrary = world.lib;
  const relative = new Set(relations.map((r) => factId(r.entity, r.fact)));
  const ctx: ExtraContext = { world, trap, relative, plain: plainFacts(world, trap, relative) };
  const extras: Unit[] = relations.map((r, i) => relationUnit(world, r, i, rng));
  for (let i = rng.int(3, 5); i > 0; i -= 1) extras.push(decoyUnit(ctx, rng));
  for (let i = rng.int(2, 4); i > 0; i -= 1) extras.push(memoUnit(ctx, rng));
  for (let i = rng.int(1, 3); i > 0; i -= 1) {
    extras.push({ seq: 0, sentences: [fillTemplate(rng.pick(lib.background), { noun: lib.entityNoun, plural: lib.entityPlural })], states: [] });
  }
  const budget = paragraphBudget(world.entities.length, extras.length, rng);
  const usedAliases = new Map<string, string[]>();
  const units = [...extras];
  world.entities.forEach((entity, i) => {
    const used = new Set<string>();
    const own = new Set(relations.filter((r) => r.entity === entity.name).map((r) => r.fact));
    const plan: EntityPlan = { world, entity, aliases: aliases.get(entity.name) as EntityAliases, paragraphs: budget[i] as number, trap, relative: own, used };
    units.push(...entityUnits(plan, rng));
    usedAliases.set(entity.name, [...used]);
  });
  const ordered = order(units, rng);
  if (ordered.length < MIN_PARAGRAPHS || ordered.length > MAX_PARAGRAPHS) {
    throw new Error(`document has ${ordered.length} paragraphs, outside [${MIN_PARAGRAPHS}, ${MAX_PARAGRAPHS}]`);
  }
  const factParagraphs = new Map<string, number[]>();
  const result: DocumentResult = { doc: '', factParagraphs, relationParagraphs: [], trapWrongParagraphs: [], trapCorrectParagraphs: [], usedAliases };
  ordered.forEach((unit, i) => {
    const n = i + 1;
    for (const s of unit.states) {
      if (s.startsWith('relation:')) result.relationParagraphs[Number(s.slice('relation:'.length))] = n;
      else if (s === 'trap:wrong') result.trapWrongParagraphs.push(n);
      else if (s === 'trap:correct') result.trapCorrectParagraphs.push(n);
      else if (!(factParagraphs.get(s) ?? []).includes(n)) factParagraphs.set(s, [...(factParagraphs.get(s) ?? []), n]);
    }
  });
  // A sentence ending in dotted initials ("led by C.M.") must not end in "..".
  result.doc = ordered.map((unit, i) => `[paragraph_${i + 1}] ${unit.sentences.join(' ').replace(/\.\.(?=\s|$)/g, '.')}`).join('\n\n');
  return result;
}
