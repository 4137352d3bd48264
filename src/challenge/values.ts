/**
 * Does a text state a value? Numbers in any surface form, strings tolerant of case, spacing
 * and hyphens. Money is in $ millions unless a scale word says otherwise (spec/protocol.md §7.3).
 *
 * Number rule: a mention (numbers.ts) states value v when, for one of its readings,
 * - exactly: v converted to the mention's unit equals the signed number shown; or
 * - rounded: the conversion changed the unit (billions for $ millions, a percentage for a
 *   fraction) and v, in that unit, rounds to the number shown at the decimals shown — only
 *   when the mention shows ≥ 3 significant digits. So 4036 is stated by `$4.04 billion` and
 *   `4.036B`, but not by `4.0 billion` or `$4 billion` (too coarse to pin a value).
 * Readings: plain numbers as written; a scale word in $ millions (`4.04 billion` = 4040) and
 * in units (= 4.04e9); unscaled `$` amounts as $ millions and as dollars (`$4,036,000,000` =
 * 4036); a percentage as written (12.5) and as a fraction (0.125). An explicit
 * minus states only the negative; a nearby decrease word ("declined 3.2%", "120 below")
 * states both signs; otherwise only the positive.
 */
import { HEDGE_WORDS, numericMentions, type NumericMention } from './numbers.js';
import { escapeRegExp, fold } from './text.js';
import { containsWords, isAscii, searchText, type Gap } from './word-search.js';

const MILLION = 1e6;
const EPSILON = 1e-9;

/**
 * The number a value string states ("4,036" → 4036, "$4.04 billion" → 4040, "12.5%" → 12.5,
 * "just over 25512" → 25512), or undefined when it holds no number, several numbers, or other
 * words besides hedges ("Q3 2024" is not a number). Scale words convert to $ millions.
 */
export function parseNumeric(text: string): number | undefined {
  const mentions = numericMentions(text);
  if (mentions.length !== 1) return undefined;
  const [mention] = mentions as [NumericMention];
  const rest = `${text.slice(0, mention.start)} ${text.slice(mention.end)}`.toLowerCase();
  const leftover = rest.match(/[\p{L}\p{N}]+/gu) ?? [];
  if (leftover.some((word) => !HEDGE_WORDS.has(word))) return undefined;
  const inMillions = mention.scale === 1 ? mention.literal : (mention.literal * mention.scale) / MILLION;
  return Number((mention.sign * inMillions).toPrecision(12));
}

/** Whether `text` states `value`: numbers in any surface form, strings as words. */
export function textStatesValue(text: string, value: string | number): boolean {
  const numeric = typeof value === 'number' ? value : parseNumeric(value);
  if (numeric !== undefined) return Number.isFinite(numeric) && textStatesNumber(text, numeric);
  return textStatesString(text, value as string);
}

/** Whether some numeric mention of `text` states `value` (see the module comment). */
export function textStatesNumber(text: string, value: number): boolean {
  return numericMentions(text).some((mention) => mentionStates(mention, value));
}

export function mentionStates(mention: NumericMention, value: number): boolean {
  const signs: number[] = mention.sign === -1 ? [-1] : mention.decreaseCue ? [1, -1] : [1];
  for (const unit of unitsOf(mention)) {
    const converted = value / unit;
    for (const sign of signs) {
      const shown = sign * mention.literal;
      const difference = Math.abs(converted - shown);
      if (difference <= EPSILON * Math.max(1, Math.abs(shown))) return true;
      const roundingAllowed = unit !== 1 && mention.significantDigits >= 3;
      if (roundingAllowed && difference <= 0.5 * 10 ** -mention.decimals * (1 + EPSILON)) return true;
    }
  }
  return false;
}

/** The units (in the value's terms) one shown unit of the mention may stand for. */
function unitsOf(mention: NumericMention): number[] {
  if (mention.percent) return [1, 0.01];
  if (mention.scale !== 1) return [mention.scale / MILLION, mention.scale];
  // "$4,036,000,000": money written out in dollars still states 4036 ($ millions).
  if (mention.money) return [1, 1 / MILLION];
  return [1];
}

interface StringMatcher {
  /** Lower-cased parts for the literal search (word-search.ts); null when the value is not ASCII. */
  parts: string[] | null;
  /** The regex, compiled on first need (~0.7 ms); null when the value has no words. */
  regex?: RegExp | null;
}

const stringMatchers = new Map<string, StringMatcher>();
const STRING_CACHE_LIMIT = 4096;
const SEPARATORS = '[\\s\\-‐‑–—_]';
const SEPARATOR = new RegExp(`^${SEPARATORS}$`, 'u');
const SEPARATOR_RUN = new RegExp(`${SEPARATORS}+`, 'u');
const SEPARATOR_GAP: Gap = { isGap: (char) => SEPARATOR.test(char), min: 0 };

/**
 * Whether `text` contains `value` as whole words: case-insensitive, accents folded, and any
 * run of spaces/hyphens/underscores in the value matches any (or no) such run in the text
 * ("state-of-the-art" ≡ "state of the art", "Nord Hafen" ≡ "Nordhafen").
 */
export function textStatesString(text: string, value: string): boolean {
  const matcher = stringMatcher(value);
  const { folded, lower } = searchText(text);
  if (matcher.parts && lower !== null) return containsWords(lower, matcher.parts, SEPARATOR_GAP);
  matcher.regex ??= buildStringPattern(value);
  return matcher.regex !== null && matcher.regex.test(folded);
}

function stringMatcher(value: string): StringMatcher {
  let matcher = stringMatchers.get(value);
  if (matcher === undefined) {
    const folded = fold(value);
    matcher = { parts: isAscii(folded) ? valueParts(folded).map((part) => part.toLowerCase()) : null };
    if (stringMatchers.size >= STRING_CACHE_LIMIT) stringMatchers.clear();
    stringMatchers.set(value, matcher);
  }
  return matcher;
}

const valueParts = (folded: string): string[] => folded.split(SEPARATOR_RUN).filter((part) => part !== '');

function buildStringPattern(value: string): RegExp | null {
  const parts = valueParts(fold(value));
  if (parts.length === 0) return null;
  const body = parts.map(escapeRegExp).join(`${SEPARATORS}*`);
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'iu');
}
