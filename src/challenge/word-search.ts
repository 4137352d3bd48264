/**
 * Whole-word literal search without compiling a regex per needle.
 *
 * Why: the entity and value matchers were regexes bounded by `(?<![\p{L}\p{N}])…(?![\p{L}\p{N}])`,
 * and V8 needs ~0.7 ms to compile one (the Unicode classes, case-closed under `iu`). A new
 * challenge brings ~20 entities with their own aliases and a dozen string values, so a cold check
 * spent most of its time compiling. The searches here use `indexOf` and check the boundaries by
 * hand, with the same meaning as those look-arounds.
 *
 * Case-insensitivity: for an ASCII needle, comparing lower-cased text is exactly `/iu`'s
 * comparison once "ſ" (which `/iu` equates with "s") is lower-cased to "s" — checked against
 * every code point. Lower-casing keeps each character's class (letter, digit, space), so
 * boundaries and gaps can be read in the lower-cased text. It only shifts positions when a
 * character lower-cases to two ("İ"); such texts get no lower-cased form and callers fall back
 * to their regex.
 */
import { fold } from './text.js';

const WORD_CHAR = /[\p{L}\p{N}]/u;
const WHITESPACE = /\s/u;
const ASCII = /^[\x00-\x7f]*$/;
const LONG_S = /ſ/g;

export interface SearchText {
  /** `fold(text)`: accents and curly apostrophes folded, case kept. */
  folded: string;
  /** `folded` lower-cased for ASCII needles (see the module comment), or null when positions would shift. */
  lower: string | null;
}

const cache = new Map<string, SearchText>();
const CACHE_LIMIT = 2048;

/** The forms of `text` the searches read (memoised per text: checkers ask about the same paragraphs repeatedly). */
export function searchText(text: string): SearchText {
  const cached = cache.get(text);
  if (cached) return cached;
  const folded = fold(text);
  const lower = folded.toLowerCase().replace(LONG_S, 's');
  const prepared: SearchText = { folded, lower: lower.length === folded.length ? lower : null };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, prepared);
  return prepared;
}

export function isAscii(text: string): boolean {
  return ASCII.test(text);
}

export const isWhitespace = (char: string): boolean => WHITESPACE.test(char);

/** Whether a letter or digit starts at `index` (`(?=[\p{L}\p{N}])` with `u`). */
export function wordCharAt(text: string, index: number): boolean {
  const code = text.codePointAt(index);
  return code !== undefined && WORD_CHAR.test(String.fromCodePoint(code));
}

/** Whether a letter or digit ends right before `index` (`(?<=[\p{L}\p{N}])` with `u`). */
export function wordCharBefore(text: string, index: number): boolean {
  if (index <= 0) return false;
  const low = text.charCodeAt(index - 1);
  const isPair = low >= 0xdc00 && low <= 0xdfff && index >= 2 && (text.charCodeAt(index - 2) & 0xfc00) === 0xd800;
  return wordCharAt(text, isPair ? index - 2 : index - 1);
}

/** How words may be separated: a run of `isGap` characters at least `min` long. */
export interface Gap {
  isGap: (char: string) => boolean;
  min: 0 | 1;
}

/**
 * Whether `text` holds `words` in order, separated by gaps, with no letter or digit right
 * before or after: the regex `(?<![\p{L}\p{N}])w1 GAP w2 GAP …(?![\p{L}\p{N}])` for literal,
 * non-empty words that contain no gap character. (Then each start has one possible match: a
 * gap must run until the next word's first character, so reading gaps greedily is exact.)
 */
export function containsWords(text: string, words: readonly string[], gap: Gap): boolean {
  const [first] = words;
  if (first === undefined || first === '') return false;
  for (let at = text.indexOf(first); at !== -1; at = text.indexOf(first, at + 1)) {
    if (wordCharBefore(text, at)) continue;
    const end = wordsEndAt(text, at + first.length, words, gap);
    if (end !== -1 && !wordCharAt(text, end)) return true;
  }
  return false;
}

/** Where words 2… end when the first ends at `position`, or -1 when they are not there. */
function wordsEndAt(text: string, position: number, words: readonly string[], gap: Gap): number {
  let end = position;
  for (let i = 1; i < words.length; i += 1) {
    const word = words[i] ?? '';
    let next = end;
    while (next < text.length && gap.isGap(text[next] ?? '')) next += 1;
    if (next - end < gap.min || !text.startsWith(word, next)) return -1;
    end = next + word.length;
  }
  return end;
}
