/**
 * Composes an artifact that meets the deterministic constraints: exactly `wordCount` words on
 * one line with single spaces, the acrostic letters as the first words' initials, every
 * required substring, and no forbidden letter. Filler words come from filler-words.json.
 * Used by the reference solver and the hybrid strategy (code composes, the model reads).
 */
import { readFileSync } from 'node:fs';
import { MinerError } from '../errors.js';
import { Prng } from '../util/prng.js';

export interface ArtifactSpec {
  wordCount: number;
  /** Uppercase letters the first words must start with. */
  acrostic: string;
  /** Substrings that must appear (attribute values, the prime, the equation); multi-word tokens count their words. */
  required: string[];
  forbiddenLetter?: string;
  seed?: number;
}

interface FillerFile {
  words: Record<string, string[]>;
}

let fillerCache: { byInitial: Record<string, string[]>; all: string[] } | undefined;

function fillerWords(): { byInitial: Record<string, string[]>; all: string[] } {
  if (!fillerCache) {
    const byInitial = (JSON.parse(readFileSync(new URL('./filler-words.json', import.meta.url), 'utf8')) as FillerFile).words;
    fillerCache = { byInitial, all: Object.values(byInitial).flat() };
  }
  return fillerCache;
}

function unsolvable(message: string, hint: string): MinerError {
  return new MinerError('UNSOLVED', `Cannot compose the artifact: ${message}.`, { hint });
}

/** Required tokens as word lists, validated against the spec. */
function tokenWords(spec: ArtifactSpec, forbidden: string | undefined): string[][] {
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const token of spec.required) {
    if (token.length === 0 || seen.has(token)) continue;
    seen.add(token);
    const words = token.split(' ');
    if (words.some((w) => w.length === 0 || /\s/.test(w))) {
      throw unsolvable(`required text "${token}" is not single-spaced words`, 'Required values must be words separated by single spaces.');
    }
    if (words.some((w) => !/[A-Za-z0-9]/.test(w))) {
      throw unsolvable(`required text "${token}" has a punctuation-only word`, 'Punctuation-only words are not allowed; re-check the value.');
    }
    if (forbidden && token.toLowerCase().includes(forbidden)) {
      throw unsolvable(`required text "${token}" contains the forbidden letter "${forbidden}"`, 'Re-check the extracted value or the question answer it comes from.');
    }
    out.push(words);
  }
  return out;
}

function pickFiller(rng: Prng, initial: string | undefined, forbidden: string | undefined): string {
  const lists = fillerWords();
  const pool = (initial ? (lists.byInitial[initial.toLowerCase()] ?? []) : lists.all).filter(
    (w) => !forbidden || !w.includes(forbidden),
  );
  if (pool.length === 0) {
    throw unsolvable(`no filler word starts with "${initial ?? ''}" without the letter "${forbidden ?? ''}"`, 'Check the acrostic letters and the forbidden letter.');
  }
  return rng.pick(pool);
}

/** Tries to seat a token inside the acrostic span where its words' initials match the letters. */
function seatInAcrostic(slots: Array<string | undefined>, letters: string, words: string[]): boolean {
  for (let p = 0; p + words.length <= letters.length; p += 1) {
    const fits = words.every((w, i) => slots[p + i] === undefined && w.charAt(0).toUpperCase() === letters.charAt(p + i));
    if (fits) {
      words.forEach((w, i) => (slots[p + i] = w));
      return true;
    }
  }
  return false;
}

export function composeArtifact(spec: ArtifactSpec): string {
  const { wordCount } = spec;
  const letters = spec.acrostic.toUpperCase();
  const forbidden = spec.forbiddenLetter?.toLowerCase();
  if (!Number.isInteger(wordCount) || wordCount < 1) {
    throw unsolvable(`word count ${wordCount} is not a positive integer`, 'Check the word-count constraint.');
  }
  if (letters.length > wordCount) throw unsolvable(`${letters.length} acrostic letters need more than ${wordCount} words`, 'Check the acrostic constraint.');
  if (forbidden && letters.toLowerCase().includes(forbidden)) {
    throw unsolvable(`the acrostic letters "${letters}" contain the forbidden letter "${forbidden}"`, 'Re-check the answers the acrostic uses.');
  }
  const rng = Prng.fromNumber(spec.seed ?? 0);
  const slots: Array<string | undefined> = new Array<string | undefined>(wordCount).fill(undefined);
  const rest = tokenWords(spec, forbidden)
    .sort((a, b) => b.length - a.length)
    .filter((words) => !seatInAcrostic(slots, letters, words));
  const tail = wordCount - letters.length;
  const restWords = rest.reduce((n, words) => n + words.length, 0);
  if (restWords > tail) {
    throw unsolvable(`the required words (${restWords}) and ${letters.length} acrostic words exceed ${wordCount} words`, 'Check the word count and the required values.');
  }
  for (let i = 0; i < letters.length; i += 1) {
    slots[i] ??= capitalizeWord(pickFiller(rng, letters.charAt(i), forbidden));
  }
  const units: string[][] = [...rest, ...Array.from({ length: tail - restWords }, () => [pickFiller(rng, undefined, forbidden)])];
  const tailWords = rng.shuffle(units).flat();
  tailWords.forEach((w, i) => (slots[letters.length + i] = w));
  return slots.join(' ');
}

function capitalizeWord(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
