/**
 * Turns zod issues into one-line messages that name the field path the way a person reads
 * JSON (`questions[3].text`) and say what was expected and what was found. Shared by the
 * challenge and solution parsers so both speak the same error language.
 */
import type { z } from 'zod';

export interface FieldProblem {
  /** `questions[3].text`, or `(root)`. */
  path: string;
  /** `expected a string, got a number`. */
  message: string;
}

type Issue = z.core.$ZodIssue;
type PathKey = PropertyKey;

/** `['questions', 3, 'text']` → `questions[3].text`. */
export function formatPath(path: readonly PathKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

/** The problems of a failed parse, deepest union branch first resolved, in payload order. */
export function fieldProblems(error: z.ZodError, input: unknown): FieldProblem[] {
  return error.issues.map((issue) => {
    const { issue: leaf, path } = resolveUnion(issue, issue.path);
    return { path: formatPath(path), message: describe(leaf, valueAt(input, path)) };
  });
}

/**
 * A union (e.g. "a string or an object with `text`") reports every branch's failure. When one
 * branch got further into the value (its issue path is deeper), that branch is what the
 * sender meant, so its issue is reported; otherwise the union's own message is.
 */
function resolveUnion(issue: Issue, path: readonly PathKey[]): { issue: Issue; path: PathKey[] } {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return { issue, path: [...path] };
  let best: Issue | undefined;
  for (const branch of issue.errors) {
    for (const candidate of branch) {
      if (candidate.path.length > 0 && (!best || candidate.path.length > best.path.length)) best = candidate;
    }
  }
  if (!best) return { issue, path: [...path] };
  return resolveUnion(best, [...path, ...best.path]);
}

function describe(issue: Issue, value: unknown): string {
  if (issue.code === 'invalid_type') {
    if (value === undefined) return `is missing (expected ${withArticle(issue.expected)})`;
    return `expected ${withArticle(issue.expected)}, got ${kindOf(value)}`;
  }
  if (issue.code === 'too_small' && issue.origin === 'array') {
    return `expected at least ${String(issue.minimum)} item(s), got ${Array.isArray(value) ? value.length : 0}`;
  }
  if (issue.code === 'too_small' && issue.origin === 'string') return 'expected a non-empty string';
  return issue.message;
}

function valueAt(input: unknown, path: readonly PathKey[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  return withArticle(typeof value);
}

function withArticle(noun: string): string {
  return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}
