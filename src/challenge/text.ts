/** Small text helpers shared by the value and entity matchers. */

/** Folds accents ("Zürich" → "Zurich") and curly apostrophes, which documents mix freely. */
export function fold(text: string): string {
  if (/^[\x00-\x7f]*$/.test(text)) return text;
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[‘’]/g, "'");
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
