/**
 * How the rules see an artifact (protocol §7.3): words are the artifact split on single
 * spaces; numbers are digit runs (with their decimal/thousands separators, so "1,013" is
 * one number and does not contain 13).
 */

export interface ArtifactView {
  text: string;
  /** Every token of `text.split(' ')`, empty ones included (they mark a double/edge space). */
  tokens: string[];
  /** The non-empty tokens: what acrostic and the other rules read as words. */
  words: string[];
  /** Every number written in the artifact, as written. */
  numbers: string[];
}

const NUMBER = /\d+(?:[.,]\d+)*/g;

export function viewArtifact(text: string): ArtifactView {
  const tokens = text.split(' ');
  return { text, tokens, words: tokens.filter((t) => t !== ''), numbers: text.match(NUMBER) ?? [] };
}

/** A token with no letter and no digit ("—", "...", "&") may not count as a word in production. */
export function isPunctuationOnly(token: string): boolean {
  return token !== '' && !/[\p{L}\p{N}]/u.test(token);
}

/**
 * The acrostic's initials: the first character of each word of a name, uppercased. Words with
 * no letter or digit ("&" in "Smith & Co") have no first letter and are skipped.
 */
export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter((word) => /[\p{L}\p{N}]/u.test(word))
    .map((word) => word.charAt(0).toUpperCase())
    .join('');
}

/** Quotes a word for a reason line, trimming long ones. */
export function quote(word: string): string {
  return JSON.stringify(word.length > 40 ? `${word.slice(0, 37)}...` : word);
}
