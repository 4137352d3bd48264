/**
 * Attribute phrases ("lead researcher's last name") and canonical keys
 * (`lead_researcher.last_name`) name the same attribute when their token multisets match.
 */
import { readFileSync } from 'node:fs';

const { stopWords } = JSON.parse(
  readFileSync(new URL('./attribute-stopwords.json', import.meta.url), 'utf8'),
) as { stopWords: string[] };
const STOP_WORDS: ReadonlySet<string> = new Set(stopWords);

/**
 * The comparable tokens of a phrase or key: camelCase split, lower-cased, split on anything
 * not a letter or digit, stop words (`the`, `of`, the `s` of a possessive) dropped, sorted.
 */
export function attributeTokens(s: string): string[] {
  return s
    .replace(/(\p{Ll}|\p{N})(\p{Lu})/gu, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token !== '' && !STOP_WORDS.has(token))
    .sort();
}

const signatures = new Map<string, string>();
const SIGNATURE_CACHE_LIMIT = 4096;

/**
 * The tokens as one string (tokens are letters and digits, so joining on a space loses
 * nothing), memoised: a checker compares the same few phrases and keys over and over.
 */
function signature(s: string): string {
  let cached = signatures.get(s);
  if (cached === undefined) {
    cached = attributeTokens(s).join(' ');
    if (signatures.size >= SIGNATURE_CACHE_LIMIT) signatures.clear();
    signatures.set(s, cached);
  }
  return cached;
}

/** "headquarters city" ≡ `headquarters.city`; "Q1 revenue" ≡ `revenue.q1`. Empty never matches. */
export function attributeMatches(phrase: string, attributeKey: string): boolean {
  const a = signature(phrase);
  return a !== '' && a === signature(attributeKey);
}
