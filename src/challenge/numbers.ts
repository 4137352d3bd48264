/**
 * A small tokenizer for numbers in prose: it finds every numeric mention of a text once —
 * `4,036`, `$4.04 billion`, `4.04B`, `12.5%`, `-3.2 percent`, `1998` — with its sign, scale,
 * shown precision and nearby decrease words. values.ts matches values against these mentions;
 * results are cached per text because a checker asks about the same paragraphs repeatedly.
 *
 * Boundary rule (what is a number and what is not):
 * - a mention is a maximal digit run, optionally grouped by commas in threes (`4,036`) and
 *   followed by a decimal part (`4036.5`); `14036`, `4036.5` are never `4036`;
 * - it is not a mention when glued to an identifier: preceded by a letter, digit or `_`
 *   (`Q1`, `H100`, `paragraph_12`), by a letter + hyphen (`COVID-19`), by `.`/`,` + digit
 *   (the tail of another number), or followed by a letter other than a scale suffix (`3D`,
 *   `12th`, `10x`) or by `.`/`,` + digit (`1.2.3`);
 * - `-`/`−`/`+` directly before it is a sign unless a letter or digit precedes that
 *   character (`2019-2021` is a range of two positive numbers);
 * - `$` or `US$` before it marks money; `%`, `percent`, `per cent` after it mark a percentage;
 *   `thousand|million|billion|trillion|mn|bn` (any case) or a case-sensitive `K|k|M|MM|B`
 *   glued to it mark a scale.
 * Years are numbers like any other (`1998` states 1998; nothing tells a year apart).
 */
import { readFileSync } from 'node:fs';

export interface NumericMention {
  /** Offsets in the text; `start` includes the sign and `$`, `end` the suffix. */
  start: number;
  end: number;
  raw: string;
  /** The unsigned number as written, before any scale. */
  literal: number;
  /** Digits shown after the decimal point. */
  decimals: number;
  /** Significant digits shown (`4.04` → 3, `0.42` → 2, `4,036` → 4). */
  significantDigits: number;
  /** -1 for an explicit minus sign, else 1. */
  sign: 1 | -1;
  /** A decrease word is near ("declined 3.2%", "120 below"): the number may be a negative delta. */
  decreaseCue: boolean;
  money: boolean;
  percent: boolean;
  /** Multiplier of the scale word: 1 (none), 1e3, 1e6, 1e9 or 1e12. */
  scale: number;
}

interface NumericWords {
  hedges: string[];
  decreaseBefore: string[];
  decreaseAfter: string[];
}

const words = JSON.parse(readFileSync(new URL('./numeric-words.json', import.meta.url), 'utf8')) as NumericWords;
/** Filler allowed around a value string that is read as a number (parseNumeric). */
export const HEDGE_WORDS: ReadonlySet<string> = new Set(words.hedges);
const DECREASE_BEFORE = new Set(words.decreaseBefore);
const DECREASE_AFTER = new Set(words.decreaseAfter);

const CORE = /(\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.(\d+))?/g;
const PERCENT_SUFFIX = /\s?%|\s+(?:percent|per\s+cent)(?![\p{L}\p{N}])/uy;
const WORD_SCALE_SUFFIX = /\s*(thousand|million|billion|trillion|mn|bn)(?![\p{L}\p{N}])/iuy;
const ABBREVIATED_SCALE_SUFFIX = /(MM|M|B|K|k)(?![\p{L}\p{N}])/uy;
const SCALES: Readonly<Record<string, number>> = {
  thousand: 1e3, k: 1e3, million: 1e6, mn: 1e6, m: 1e6, mm: 1e6, billion: 1e9, bn: 1e9, b: 1e9, trillion: 1e12,
};
const WORD_CHAR = /[\p{L}\p{N}_]/u;
const LETTER = /[\p{L}_]/u;
const DIGIT = /\d/;
const CUE_WINDOW_CHARS = 48;

const cache = new Map<string, readonly NumericMention[]>();
const CACHE_LIMIT = 2048;

/** Every numeric mention of `text`, in order (memoised per text). */
export function numericMentions(text: string): readonly NumericMention[] {
  const cached = cache.get(text);
  if (cached) return cached;
  const mentions = scan(text);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, mentions);
  return mentions;
}

function scan(text: string): NumericMention[] {
  const mentions: NumericMention[] = [];
  for (const match of text.matchAll(CORE)) {
    const mention = readMention(text, match);
    if (mention) mentions.push(mention);
  }
  return mentions;
}

function readMention(text: string, match: RegExpExecArray): NumericMention | undefined {
  const coreStart = match.index;
  const integerPart = match[1] ?? '';
  const fraction = match[2] ?? '';
  const before = readPrefix(text, coreStart);
  if (!before) return undefined;
  const after = readSuffix(text, coreStart + match[0].length);
  if (!after) return undefined;
  const digits = (integerPart + fraction).replace(/,/g, '');
  return {
    start: before.start,
    end: after.end,
    raw: text.slice(before.start, after.end),
    literal: Number(`${integerPart.replace(/,/g, '')}${fraction ? `.${fraction}` : ''}`),
    decimals: fraction.length,
    significantDigits: digits.replace(/^0+/, '').length,
    sign: before.sign,
    decreaseCue: before.sign === 1 && hasDecreaseCue(text, before.start, after.end),
    money: before.money,
    percent: after.percent,
    scale: after.scale,
  };
}

/** Reads `[sign][$]` before the digits; undefined when the digits are glued to something. */
function readPrefix(text: string, coreStart: number): { start: number; sign: 1 | -1; money: boolean } | undefined {
  let start = coreStart;
  const money = text[start - 1] === '$';
  if (money) start -= text.slice(start - 3, start - 1) === 'US' ? 3 : 1;
  const previous = text[start - 1];
  if (previous === undefined) return { start, sign: 1, money };
  if (WORD_CHAR.test(previous)) return undefined;
  if ((previous === '.' || previous === ',') && DIGIT.test(text[start - 2] ?? '')) return undefined;
  if (previous === '-' || previous === '−' || previous === '+') {
    const beforeSign = text[start - 2] ?? '';
    if (LETTER.test(beforeSign)) return undefined;
    if (DIGIT.test(beforeSign)) return { start, sign: 1, money };
    return { start: start - 1, sign: previous === '+' ? 1 : -1, money };
  }
  return { start, sign: 1, money };
}

/** Reads a percent or scale suffix; undefined when the number runs into a word or another number. */
function readSuffix(text: string, coreEnd: number): { end: number; percent: boolean; scale: number } | undefined {
  for (const [pattern, percent] of [
    [PERCENT_SUFFIX, true],
    [WORD_SCALE_SUFFIX, false],
    [ABBREVIATED_SCALE_SUFFIX, false],
  ] as const) {
    pattern.lastIndex = coreEnd;
    const found = pattern.exec(text);
    if (found) {
      const scale = percent ? 1 : (SCALES[(found[1] ?? '').toLowerCase()] ?? 1);
      return { end: coreEnd + found[0].length, percent, scale };
    }
  }
  const next = text[coreEnd] ?? '';
  if (LETTER.test(next)) return undefined;
  if ((next === '.' || next === ',') && DIGIT.test(text[coreEnd + 1] ?? '')) return undefined;
  return { end: coreEnd, percent: false, scale: 1 };
}

/** A decrease word among the three words before or the two words after the mention. */
function hasDecreaseCue(text: string, start: number, end: number): boolean {
  const before = lowerWords(text.slice(Math.max(0, start - CUE_WINDOW_CHARS), start)).slice(-3);
  if (before.some((word) => DECREASE_BEFORE.has(word))) return true;
  const after = lowerWords(text.slice(end, end + CUE_WINDOW_CHARS)).slice(0, 2);
  return after.some((word) => DECREASE_AFTER.has(word));
}

function lowerWords(text: string): string[] {
  // Possessives stay one word ("Helios's"), so they do not push a cue out of the window.
  return text.toLowerCase().match(/[\p{L}'’]+/gu) ?? [];
}
