/**
 * Alias planning. Every entity gets one introduced alias (the briefing's four introduction
 * patterns); some also appear as a letter transposition or dotted initials, which readers must
 * recognise without an introduction. An alias is only used when it is unambiguous in the roster.
 */
import type { Prng } from '../../util/prng.js';
import { fillTemplate } from './template.js';
import type { World, WorldEntity } from './world.js';

export type AliasKind = 'abbreviation' | 'aka' | 'hereafter' | 'person';

export interface EntityAliases {
  kind: AliasKind;
  /** The introduced alias (for `person`: the person's full name). */
  alias: string;
  /** `person` only: the leader's surname, usable alone. */
  surname?: string;
  transposition?: string;
  dotted?: string;
}

function abbreviation(e: WorldEntity): string {
  return `${e.prefix.abbr}${e.suffix.abbr}`;
}

function portmanteau(e: WorldEntity): string {
  return `${e.prefix.word.slice(0, 4)}${e.suffix.word.slice(0, 3).toLowerCase()}`;
}

function dotted(name: string): string {
  return name
    .split(' ')
    .map((w) => `${w.charAt(0).toUpperCase()}.`)
    .join('');
}

/** Swaps two adjacent, different letters inside one word (never the first letter). */
function transpose(name: string, rng: Prng): string | undefined {
  const words = name.split(' ');
  const index = rng.int(0, words.length - 1);
  const word = words[index] as string;
  const spots = [...word].map((_, i) => i).filter((i) => i >= 1 && i + 1 < word.length && word[i] !== word[i + 1]);
  if (spots.length === 0) return undefined;
  const i = rng.pick(spots);
  words[index] = word.slice(0, i) + word.charAt(i + 1) + word.charAt(i) + word.slice(i + 2);
  return words.join(' ');
}

function counts(items: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const item of items) m.set(item.toLowerCase(), (m.get(item.toLowerCase()) ?? 0) + 1);
  return m;
}

export function planAliases(world: World, rng: Prng): Map<string, EntityAliases> {
  const { entities, lib } = world;
  const names = new Set(entities.map((e) => e.name.toLowerCase()));
  const abbrCount = counts(entities.map(abbreviation));
  const portCount = counts(entities.map(portmanteau));
  const dottedCount = counts(entities.map((e) => dotted(e.name)));
  const allPeople = entities.flatMap((e) => Object.values(e.people));
  const surnameCount = counts(allPeople.map((p) => p.split(' ').slice(-1)[0] as string));
  const out = new Map<string, EntityAliases>();
  for (const e of entities) {
    const leader = e.people[lib.leader] as string;
    const surname = leader.split(' ').slice(-1)[0] as string;
    const options: EntityAliases[] = [{ kind: 'aka', alias: `${e.prefix.abbr} ${e.suffix.word}` }];
    if (abbrCount.get(abbreviation(e).toLowerCase()) === 1) options.push({ kind: 'abbreviation', alias: abbreviation(e) });
    if (portCount.get(portmanteau(e).toLowerCase()) === 1) options.push({ kind: 'hereafter', alias: portmanteau(e) });
    if (surnameCount.get(surname.toLowerCase()) === 1) options.push({ kind: 'person', alias: leader, surname });
    const chosen: EntityAliases = { ...rng.pick(options) };
    const swapped = transpose(e.name, rng);
    if (swapped && !names.has(swapped.toLowerCase()) && rng.chance(60)) chosen.transposition = swapped;
    if (dottedCount.get(dotted(e.name).toLowerCase()) === 1 && rng.chance(50)) chosen.dotted = dotted(e.name);
    out.set(e.name, chosen);
  }
  return out;
}

/** The sentence that introduces the alias (first sentence of the entity's main paragraph). */
export function introSentence(world: World, entity: WorldEntity, aliases: EntityAliases, rng: Prng): string {
  const lib = world.lib;
  const vars = { name: entity.name, alias: aliases.alias, person: aliases.alias, noun: lib.entityNoun, plural: lib.entityPlural };
  return fillTemplate(rng.pick(lib.aliasIntros[aliases.kind]), vars);
}

/** Ways later paragraphs may name the entity, each with the alias it relies on (if any). */
export function laterSurfaces(world: World, entity: WorldEntity, aliases: EntityAliases): Array<{ text: string; alias?: string }> {
  const out: Array<{ text: string; alias?: string }> = [{ text: entity.name }, { text: entity.name }];
  if (aliases.kind === 'person') {
    for (const t of world.lib.personSurfaces) {
      const text = fillTemplate(t, { person: aliases.alias, surname: aliases.surname as string });
      out.push({ text, alias: t.includes('{person}') ? aliases.alias : (aliases.surname as string) });
    }
  } else {
    out.push({ text: aliases.alias, alias: aliases.alias }, { text: aliases.alias, alias: aliases.alias });
  }
  if (aliases.transposition) out.push({ text: aliases.transposition, alias: aliases.transposition });
  if (aliases.dotted) out.push({ text: aliases.dotted, alias: aliases.dotted });
  return out;
}
