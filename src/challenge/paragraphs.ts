/**
 * The document's paragraphs, as citations name them (`source: "paragraph_N"`).
 *
 * Tagged documents: a paragraph starts at a `[paragraph_N]` tag at the start of a line and runs
 * to the next tag; N is the tag's own number (documents may skip or reorder numbers). Text
 * before the first tag (a title) belongs to no paragraph. A number tagged twice is one
 * paragraph holding both texts. A tag in the middle of a line ("see [paragraph_3]") is a
 * cross-reference, not a boundary.
 * Untagged (older) documents: paragraph N is the N-th non-empty blank-line-separated block.
 */
import type { Paragraph } from './types.js';

const TAG = /^[ \t]*\[paragraph_(\d+)\][ \t]*/gim;
const BLANK_LINE = /\n[ \t]*\n/;

export function splitParagraphs(doc: string): Paragraph[] {
  const text = doc.replace(/\r\n?/g, '\n');
  const tags = [...text.matchAll(TAG)];
  if (tags.length === 0) {
    return text
      .split(BLANK_LINE)
      .map((block) => block.trim())
      .filter((block) => block !== '')
      .map((block, i) => ({ n: i + 1, text: block }));
  }
  const byNumber = new Map<number, string[]>();
  tags.forEach((tag, i) => {
    const start = (tag.index ?? 0) + tag[0].length;
    const end = tags[i + 1]?.index ?? text.length;
    const n = Number(tag[1]);
    const parts = byNumber.get(n) ?? [];
    parts.push(text.slice(start, end).trim());
    byNumber.set(n, parts);
  });
  return [...byNumber].map(([n, parts]) => ({ n, text: parts.filter((p) => p !== '').join('\n\n') }));
}

/**
 * The paragraph number a citation names, or undefined when it names none.
 * Accepted (case-insensitive, surrounding spaces ignored): `paragraph_12` (canonical),
 * `paragraph 12`, `paragraph-12`, `paragraph12`, `[paragraph_12]`, `para 12`, `p12`, `p_12`.
 * Not accepted: bare numbers (`12`), ranges, lists, anything after the number.
 * `paragraph_0` gives 0, so the checker can say "no paragraph 0" rather than "unreadable".
 */
export function paragraphNumber(source: string): number | undefined {
  const match = /^\[?\s*(?:paragraph|para|p)[\s_-]*(\d{1,6})\s*\]?$/i.exec(source.trim());
  return match ? Number(match[1]) : undefined;
}

/** O(1) paragraph lookup by number, for checkers that resolve many citations per document. */
export class ParagraphIndex {
  readonly paragraphs: readonly Paragraph[];
  private readonly byNumber: ReadonlyMap<number, Paragraph>;

  constructor(docOrParagraphs: string | readonly Paragraph[]) {
    this.paragraphs = typeof docOrParagraphs === 'string' ? splitParagraphs(docOrParagraphs) : docOrParagraphs;
    this.byNumber = new Map(this.paragraphs.map((p) => [p.n, p]));
  }

  get size(): number {
    return this.byNumber.size;
  }

  /** The paragraph numbered `n`, if the document has one. */
  get(n: number): Paragraph | undefined {
    return this.byNumber.get(n);
  }

  /** The paragraph a citation (`"paragraph_12"`, ...) names, if it parses and exists. */
  cite(source: string): Paragraph | undefined {
    const n = paragraphNumber(source);
    return n === undefined ? undefined : this.byNumber.get(n);
  }
}
