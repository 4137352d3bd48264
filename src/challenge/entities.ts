/**
 * Entity names in prose: learning the aliases a document introduces, and deciding whether a
 * text mentions an entity. Near-collisions are real ("Northwind Analytics" vs "Northwind
 * Assurance"): a shared prefix or a shared first word is never a mention.
 */
import { readFileSync } from 'node:fs';
import { escapeRegExp, fold } from './text.js';
import { containsWords, isAscii, isWhitespace, searchText, wordCharAt, wordCharBefore, type Gap } from './word-search.js';

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
const LEADS_BEFORE = `,\\s+who\\s+(?:${words.leadVerbs.join('|')})\\s+$`;
const PERSON_BEFORE = new RegExp(`${PERSON}${LEADS_BEFORE}`, 'u');
/**
 * PERSON_BEFORE's tail alone: cheap to test, and PERSON_BEFORE (slow: it backtracks through
 * every capitalised word of the window) cannot match without it.
 */
const LEADS_TAIL = new RegExp(LEADS_BEFORE, 'u');
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
    const before = doc.slice(Math.max(0, at - PERSON_WINDOW), at);
    const person = LEADS_TAIL.test(before) ? PERSON_BEFORE.exec(before) : null;
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

/** What a mention may look like, read from the folded name and aliases. */
interface EntityForms {
  /** Word lists matched case-insensitively: the name, its transpositions, mixed-case aliases. */
  insensitive: string[][];
  /** Word lists matched case-sensitively: all-caps aliases ("ON" is not "on"). */
  sensitive: string[][];
  /** Upper-cased first letters for dotted initials ("N", "A"); empty for a one-word name. */
  initials: string[];
}

interface EntityMatcher {
  forms: EntityForms;
  /**
   * `forms` with the case-insensitive words lower-cased, for the literal search; null when the
   * name is empty or a name or alias is not ASCII (word-search.ts), so the regex decides.
   */
  literal: EntityForms | null;
  /** The regex form of `forms`, compiled on first need (it costs ~1 ms: see word-search.ts). */
  regex?: RegexMatcher;
}

interface RegexMatcher {
  insensitive: RegExp;
  sensitive: RegExp | null;
}

const matchers = new Map<string, EntityMatcher>();
const MATCHER_CACHE_LIMIT = 1024;
const NAME_GAP: Gap = { isGap: isWhitespace, min: 1 };

/**
 * Whether `text` mentions `entity`: its exact name (case-insensitive, whole words, any
 * spacing), any alias (all-caps ones case-sensitively; possessives like "Alvarez's" count),
 * the name with one adjacent-letter transposition in one word of ≥ 4 letters
 * ("Nrothwind Analytics"), or its dotted initials for multi-word names ("N.A.").
 * Matchers are built once per (entity, aliases) and cached; the search is literal
 * (word-search.ts) unless a name, alias or the text needs the regex's Unicode handling.
 */
export function textMentionsEntity(text: string, entity: string, aliases: readonly string[] = []): boolean {
  const matcher = entityMatcher(entity, aliases);
  const { folded, lower } = searchText(text);
  if (matcher.literal && lower !== null) return mentionsLiterally(matcher.literal, folded, lower);
  matcher.regex ??= regexMatcher(matcher.forms);
  return matcher.regex.insensitive.test(folded) || (matcher.regex.sensitive?.test(folded) ?? false);
}

function entityMatcher(entity: string, aliases: readonly string[]): EntityMatcher {
  const key = `${entity}\u0000${aliases.join('\u0001')}`;
  const cached = matchers.get(key);
  if (cached) return cached;
  const name = fold(entity);
  const folded = aliases.map(fold);
  const forms = entityForms(name, folded);
  const searchable = name.trim() !== '' && isAscii(name) && folded.every(isAscii);
  const literal = searchable ? { ...forms, insensitive: forms.insensitive.map((words) => words.map((w) => w.toLowerCase())) } : null;
  const matcher: EntityMatcher = { forms, literal };
  if (matchers.size >= MATCHER_CACHE_LIMIT) matchers.clear();
  matchers.set(key, matcher);
  return matcher;
}

function entityForms(entity: string, aliases: readonly string[]): EntityForms {
  const nameWords = splitWords(entity);
  const forms: EntityForms = { insensitive: [nameWords, ...transpositions(nameWords)], sensitive: [], initials: [] };
  for (const alias of aliases) {
    const aliasWords = splitWords(alias);
    if (aliasWords.length === 0) continue;
    const isAbbreviation = /\p{Lu}/u.test(alias) && !/\p{Ll}/u.test(alias);
    (isAbbreviation ? forms.sensitive : forms.insensitive).push(aliasWords);
  }
  if (nameWords.length >= 2) forms.initials = nameWords.map((word) => (word[0] ?? '').toUpperCase());
  return forms;
}

const splitWords = (text: string): string[] => text.trim().split(/\s+/).filter((word) => word !== '');

/** The literal search over `folded` (case kept) and its lower-cased form (word-search.ts). */
function mentionsLiterally(literal: EntityForms, folded: string, lower: string): boolean {
  return (
    literal.insensitive.some((words) => containsWords(lower, words, NAME_GAP)) ||
    literal.sensitive.some((words) => containsWords(folded, words, NAME_GAP)) ||
    (literal.initials.length > 0 && containsInitials(folded, literal.initials))
  );
}

/**
 * Dotted initials ("N.A.", "N. A.") not inside a longer run of initials: the literal form of
 * `initialsPattern` (at most one whitespace after each dot; a letter is never whitespace,
 * so reading it greedily is exact).
 */
function containsInitials(text: string, letters: readonly string[]): boolean {
  const first = `${letters[0] ?? ''}.`;
  for (let at = text.indexOf(first); at !== -1; at = text.indexOf(first, at + 1)) {
    if (wordCharBefore(text, at) || text[at - 1] === '.') continue;
    let end = at + first.length;
    for (const letter of letters.slice(1)) {
      const next = isWhitespace(text[end] ?? '') ? end + 1 : end;
      end = text.startsWith(`${letter}.`, next) ? next + letter.length + 1 : -1;
      if (end === -1) break;
    }
    if (end !== -1 && !wordCharAt(text, end)) return true;
  }
  return false;
}

/** The regex form of the same mentions, for names, aliases or texts outside the literal search. */
function regexMatcher(forms: EntityForms): RegexMatcher {
  const sensitive = forms.sensitive.map((words) => `${BEFORE}${wordsPattern(words)}${AFTER}`);
  if (forms.initials.length > 0) sensitive.push(initialsPattern(forms.initials));
  return {
    insensitive: new RegExp(`${BEFORE}(?:${forms.insensitive.map(wordsPattern).join('|')})${AFTER}`, 'iu'),
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

/** N.A. (optionally "N. A."), not inside a longer run of initials. */
function initialsPattern(letters: readonly string[]): string {
  return `(?<![\\p{L}\\p{N}.])${letters.map((letter) => `${escapeRegExp(letter)}\\.`).join('\\s?')}(?![\\p{L}\\p{N}])`;
}
