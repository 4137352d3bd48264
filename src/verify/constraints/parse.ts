/**
 * Constraint text → kind + parameters. One pattern table, one entry per kind, tried in order;
 * the first entry whose pattern matches and whose parameters are complete wins. Text no entry
 * understands becomes `unknown` (reported `unchecked`, never silently passed).
 */
import type { ModTerm, ParsedConstraint } from '../types.js';

type KnownKind = Exclude<ParsedConstraint['kind'], 'unknown'>;
type ParamsOf<K extends ParsedConstraint['kind']> = Extract<ParsedConstraint, { kind: K }>['params'];

interface PatternEntry<K extends KnownKind> {
  kind: K;
  pattern: RegExp;
  /** Builds the parameters from the match; `undefined` when they are incomplete. */
  params(match: RegExpMatchArray, text: string): ParamsOf<K> | undefined;
}

/** "Question 3", "question 3", "Q3", "Q 3", "Question #3". */
const QUESTION = String.raw`(?:question|q)\s*#?\s*(\d+)`;

/**
 * "(<attribute> of the answer to Question k mod M) + O", with or without the inner/outer
 * parentheses the two production templates put around it and any spacing.
 */
const MOD_TERM = String.raw`\(?\s*\(?\s*(.+?)\s+of\s+(?:the\s+)?answer\s+to\s+${QUESTION}\s*\)?\s*mod(?:ulo)?\s*(\d+)\s*\)?\s*\+\s*(\d+)\s*\)?`;

function modTerm(match: RegExpMatchArray, first: number): ModTerm | undefined {
  const [attribute, question, modulus, offset] = match.slice(first, first + 4);
  if (!attribute || !question || !modulus || !offset) return undefined;
  const term = { question: Number(question), attribute: attribute.trim(), modulus: Number(modulus), offset: Number(offset) };
  return term.modulus > 0 ? term : undefined;
}

const int = (text: string | undefined): number | undefined => (text === undefined ? undefined : Number(text));

/** Typed so each entry's `params` must produce exactly its kind's parameters. */
type PatternTable = { [K in KnownKind]: PatternEntry<K> }[KnownKind][];

const patterns: PatternTable = [
  {
    kind: 'tip',
    pattern: /^tips?\s*:/i,
    params: () => ({}),
  },
  {
    kind: 'acrostic',
    pattern: /acrostic.*?first\s+(\d+)\s+words/i,
    params: (match, text) => {
      const count = int(match[1]);
      const questions = [...text.matchAll(new RegExp(String.raw`initials\s*\(\s*${QUESTION}\s*\)`, 'gi'))].map((m) => Number(m[1]));
      return count && questions.length > 0 ? { count, questions } : undefined;
    },
  },
  {
    kind: 'equation',
    pattern: new RegExp(String.raw`equation\b.*?\bA\s*=\s*${MOD_TERM}.*?\bB\s*=\s*${MOD_TERM}`, 'i'),
    params: (match) => {
      const a = modTerm(match, 1);
      const b = modTerm(match, 5);
      return a && b ? { a, b } : undefined;
    },
  },
  {
    kind: 'prime',
    pattern: new RegExp(String.raw`prime\b.*?next\s*_?\s*prime\s*${MOD_TERM}`, 'i'),
    params: (match) => modTerm(match, 1),
  },
  {
    kind: 'forbidden_letter',
    pattern: /(?:must\s+not|do\s+not|don't|never|cannot|may\s+not)\s+(?:contain|include|use)\s+(?:the\s+)?letter\s*["']?([a-z])["']?(?![a-z])/i,
    params: (match) => (match[1] ? { letter: match[1].toLowerCase() } : undefined),
  },
  {
    kind: 'required_token',
    // The attribute is greedy so that an attribute containing "of" ("number of employees") keeps
    // it: the split is at the last "of the <noun> that answers".
    pattern: new RegExp(
      String.raw`must\s+(?:include|contain)\s+(?:the\s+)?(.+)\s+of\s+the\s+(.+?)\s+(?:that|which|who)\s+answers\s+${QUESTION}`,
      'i',
    ),
    params: (match) => {
      const [, attribute, entityNoun, question] = match;
      return attribute && entityNoun && question
        ? { question: Number(question), attribute: attribute.trim(), entityNoun: entityNoun.trim() }
        : undefined;
    },
  },
  {
    kind: 'word_count',
    pattern: /\bexactly\s+(\d+)\s+words?\b|\b(\d+)\s+words?\s+exactly\b/i,
    params: (match) => {
      const count = int(match[1] ?? match[2]);
      return count ? { count } : undefined;
    },
  },
];

/** Straight quotes and single spaces, so the patterns need not know typography. */
function normalise(text: string): string {
  return text
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** Parses one constraint; `index` is its 0-based position in the payload. */
export function parseConstraint(text: string, index: number): ParsedConstraint {
  const clean = normalise(text);
  for (const entry of patterns) {
    const match = clean.match(entry.pattern);
    const params = match ? entry.params(match, clean) : undefined;
    if (params) return { index, text, kind: entry.kind, params } as ParsedConstraint;
  }
  return { index, text, kind: 'unknown', params: {} };
}
