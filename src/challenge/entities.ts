/**
 * Entity names in prose: learning the aliases a document introduces, and deciding whether a
 * text mentions an entity. Near-collisions are real ("Northwind Analytics" vs "Northwind
 * Assurance"): a shared prefix or a shared first word is never a mention.
 */
import { readFileSync } from 'node:fs';
import { escapeRegExp, fold } from './text.js';

/** Canonical entity name → aliases the document uses for it. */
export type AliasMap = Record<string, string[]>;

interface EntityWords {
  honorifics: string[];
  sentenceStarters: string[];
  leadVerbs: string[];
}

const words = JSON.parse(readFileSync(new URL('./entity-words.json', import.meta.url), 'utf8')) as EntityWords;
const NOT_PART_OF_PERSON = new Set([...words.honorifics, ...words.sentenceStarters]);
const BEFORE = '(?<![\\p{L}\\p{N}])';
const AFTER = '(?![\\p{L}\\p{N}])';
/** One token, capitalised, at least two capitals: `NWA`, `QEC-7`, `BioNW`. */
const ABBREVIATION = /^\p{Lu}[\p{L}\p{N}&.-]*$/u;
const PERSON = "((?:\\p{Lu}[\\p{L}'’-]*\\.?\\s+){0,3}\\p{Lu}[\\p{L}'’-]+)";
const WORD = /[\p{L}\p{N}]/u;

/**
 * The aliases introduced in `doc` (spec'd patterns, in the briefing):
 * `Name (NWA)`, `Name, also known as Alias,`, `Name (hereafter "Alias")`, and
 * `Person, who leads Name,` (records the person's full name and surname).
 * An alias that two entities would share (two leaders named Alvarez) or that equals another
 * entity's name is ambiguous and dropped for all of them. Every entity gets an entry.
 */
export function learnAliases(doc: string, entities: string[]): AliasMap {
  const found = new Map<string, string[]>();
  for (const entity of entities) found.set(entity, aliasesIntroducedFor(doc, entity));
  const owners = new Map<string, Set<string>>();
  for (const [entity, aliases] of found) {
    for (const alias of aliases) {
      const key = alias.toLowerCase();
      owners.set(key, (owners.get(key) ?? new Set()).add(entity));
    }
  }
  const names = new Set(entities.map((entity) => entity.toLowerCase()));
  const map: AliasMap = {};
  for (const [entity, aliases] of found) {
    map[entity] = aliases.filter((alias) => {
      const key = alias.toLowerCase();
      return !names.has(key) && (owners.get(key)?.size ?? 0) === 1;
    });
  }
  return map;
}

/** Patterns read right after an occurrence of the name (sticky: they must start there). */
const ABBREVIATION_AFTER = /\s*\(\s*["“]?([^()"“”\s]{2,24})["”]?\s*\)/uy;
const AKA_AFTER = /,?\s+(?:also known as|a\.k\.a\.|aka)\s+["“]?([^,;:()"“”\n]{1,60}?)["”]?\s*(?=[,;:.)\n]|$)/uy;
const HEREAFTER_AFTER = /\s*\(\s*(?:hereafter|hereinafter)[,:]?\s+(?:the\s+)?["“']([^"”']{1,60})["”']\s*\)/uy;
/** Read in the text right before an occurrence of the name. */
const PERSON_BEFORE = new RegExp(`${PERSON},\\s+who\\s+(?:${words.leadVerbs.join('|')})\\s+$`, 'u');
const PERSON_WINDOW = 120;

/** Finds each whole-word occurrence of the name (a native search), then reads around it. */
function aliasesIntroducedFor(doc: string, entity: string): string[] {
  const aliases: string[] = [];
  const add = (alias: string | undefined): void => {
    const trimmed = alias?.trim().replace(/[.]$/, '');
    if (trimmed && trimmed !== entity && !aliases.includes(trimmed)) aliases.push(trimmed);
  };
  for (let at = doc.indexOf(entity); at !== -1; at = doc.indexOf(entity, at + 1)) {
    const end = at + entity.length;
    if (WORD.test(doc[at - 1] ?? '') || WORD.test(doc[end] ?? '')) continue;
    const abbreviation = readAt(ABBREVIATION_AFTER, doc, end);
    if (abbreviation && ABBREVIATION.test(abbreviation) && (abbreviation.match(/\p{Lu}/gu)?.length ?? 0) >= 2) {
      add(abbreviation);
    }
    add(readAt(AKA_AFTER, doc, end));
    add(readAt(HEREAFTER_AFTER, doc, end));
    const person = PERSON_BEFORE.exec(doc.slice(Math.max(0, at - PERSON_WINDOW), at));
    if (person) {
      const parts = personName(person[1] ?? '');
      if (parts.length >= 2) add(parts.join(' '));
      add(parts.at(-1));
    }
  }
  return aliases;
}

function readAt(pattern: RegExp, text: string, index: number): string | undefined {
  pattern.lastIndex = index;
  return pattern.exec(text)?.[1];
}

/** The words of a captured person name without leading sentence words and honorifics. */
function personName(captured: string): string[] {
  const parts = captured.split(/\s+/).filter((part) => part !== '');
  while (parts.length > 1 && NOT_PART_OF_PERSON.has((parts[0] ?? '').replace(/\.$/, '').toLowerCase())) parts.shift();
  return parts;
}

interface EntityMatcher {
  /** Name, transpositions and mixed-case aliases, case-insensitively. */
  insensitive: RegExp;
  /** All-caps abbreviations and dotted initials, case-sensitively ("ON" is not "on"). */
  sensitive: RegExp | null;
}

const matchers = new Map<string, EntityMatcher>();
const MATCHER_CACHE_LIMIT = 1024;

/**
 * Whether `text` mentions `entity`: its exact name (case-insensitive, whole words, any
 * spacing), any alias (all-caps ones case-sensitively; possessives like "Alvarez's" count),
 * the name with one adjacent-letter transposition in one word of ≥ 4 letters
 * ("Nrothwind Analytics"), or its dotted initials for multi-word names ("N.A.").
 * Matchers are compiled once per (entity, aliases) and cached.
 */
export function textMentionsEntity(text: string, entity: string, aliases: readonly string[] = []): boolean {
  const matcher = entityMatcher(entity, aliases);
  const folded = fold(text);
  return matcher.insensitive.test(folded) || (matcher.sensitive?.test(folded) ?? false);
}

function entityMatcher(entity: string, aliases: readonly string[]): EntityMatcher {
  const key = `${entity}\u0000${aliases.join('\u0001')}`;
  const cached = matchers.get(key);
  if (cached) return cached;
  const matcher = buildMatcher(fold(entity), aliases.map(fold));
  if (matchers.size >= MATCHER_CACHE_LIMIT) matchers.clear();
  matchers.set(key, matcher);
  return matcher;
}

function buildMatcher(entity: string, aliases: readonly string[]): EntityMatcher {
  const nameWords = entity.trim().split(/\s+/).filter((word) => word !== '');
  const insensitive = [nameWords, ...transpositions(nameWords)].map(wordsPattern);
  const sensitive: string[] = [];
  for (const alias of aliases) {
    const aliasWords = alias.trim().split(/\s+/).filter((word) => word !== '');
    if (aliasWords.length === 0) continue;
    const isAbbreviation = /\p{Lu}/u.test(alias) && !/\p{Ll}/u.test(alias);
    if (isAbbreviation) sensitive.push(`${BEFORE}${wordsPattern(aliasWords)}${AFTER}`);
    else insensitive.push(wordsPattern(aliasWords));
  }
  if (nameWords.length >= 2) sensitive.push(initialsPattern(nameWords));
  return {
    insensitive: new RegExp(`${BEFORE}(?:${insensitive.join('|')})${AFTER}`, 'iu'),
    sensitive: sensitive.length > 0 ? new RegExp(sensitive.join('|'), 'u') : null,
  };
}

function wordsPattern(nameWords: readonly string[]): string {
  return nameWords.map(escapeRegExp).join('\\s+');
}

/** Every variant with two adjacent, different letters swapped in one word of length ≥ 4. */
function transpositions(nameWords: readonly string[]): string[][] {
  const variants: string[][] = [];
  nameWords.forEach((word, index) => {
    if (word.length < 4) return;
    for (let i = 0; i + 1 < word.length; i += 1) {
      const a = word[i] ?? '';
      const b = word[i + 1] ?? '';
      if (a.toLowerCase() === b.toLowerCase() || !/\p{L}/u.test(a) || !/\p{L}/u.test(b)) continue;
      const swapped = `${word.slice(0, i)}${b}${a}${word.slice(i + 2)}`;
      variants.push(nameWords.map((w, j) => (j === index ? swapped : w)));
    }
  });
  return variants;
}

/** "Northwind Analytics" → N.A. (optionally "N. A."), not inside a longer run of initials. */
function initialsPattern(nameWords: readonly string[]): string {
  const letters = nameWords.map((word) => escapeRegExp((word[0] ?? '').toUpperCase()));
  return `(?<![\\p{L}\\p{N}.])${letters.map((letter) => `${letter}\\.`).join('\\s?')}(?![\\p{L}\\p{N}])`;
}
