/** Shapes of the local checker's input knobs and its report (the `check --json` document). */

export type ConstraintKind =
  | 'word_count'
  | 'required_token'
  | 'prime'
  | 'equation'
  | 'acrostic'
  | 'forbidden_letter'
  | 'tip'
  | 'unknown';

/** A numeric term "(<attribute> of the answer to Question k mod M) + O". */
export interface ModTerm {
  question: number;
  attribute: string;
  modulus: number;
  offset: number;
}

export type ParsedConstraint =
  | { index: number; text: string; kind: 'word_count'; params: { count: number } }
  | {
      index: number;
      text: string;
      kind: 'required_token';
      params: { question: number; attribute: string; entityNoun: string };
    }
  | { index: number; text: string; kind: 'prime'; params: ModTerm }
  | { index: number; text: string; kind: 'equation'; params: { a: ModTerm; b: ModTerm } }
  | {
      index: number;
      text: string;
      kind: 'acrostic';
      params: { count: number; questions: number[] };
    }
  | { index: number; text: string; kind: 'forbidden_letter'; params: { letter: string } }
  | { index: number; text: string; kind: 'tip'; params: Record<string, never> }
  | { index: number; text: string; kind: 'unknown'; params: Record<string, never> };

export type ConstraintStatus = 'pass' | 'fail' | 'unchecked';

export interface ConstraintResult {
  index: number;
  kind: ConstraintKind;
  params: Record<string, unknown>;
  status: ConstraintStatus;
  /** Why it failed or could not be checked; for a pass, what was found. */
  reason: string;
  /** The value the artifact had to contain, when one could be derived (token, prime, equation, letters). */
  expected?: string;
}

export interface TraceError {
  /** A stable rule name, e.g. `step_count`, `duplicate_step_id`, `citation`, `recompute`. */
  rule: string;
  stepId?: string;
  message: string;
}

export interface TraceReport {
  valid: boolean;
  errors: TraceError[];
  /** Share of `extract_fact` steps whose citation checks out, 0..1. */
  citationRate: number;
  stepCount: number;
}

export interface AnswerResult {
  id: string;
  number: number;
  answer?: string;
  /** Only when an answer key was given. */
  correct?: boolean;
  expected?: string;
}

export interface AnswersReport {
  provided: number;
  total: number;
  /** Only when an answer key was given. */
  correct?: number;
  required?: number;
  byQuestion: AnswerResult[];
}

export interface CheckReport {
  pass: boolean;
  constraints: ConstraintResult[];
  trace: TraceReport;
  answers: AnswersReport;
}

/**
 * Where constraint inputs come from. The local checker reads the solution's own answers and
 * the facts in its trace; the coordinator reads the answer key. Either way the same rules run.
 */
export interface FactSource {
  /** The answer to Question `number` (1-based), if known. */
  answerTo(number: number): string | undefined;
  /** The value of `attributePhrase` ("headquarters city") for `entity`, if known. */
  attributeOf(entity: string, attributePhrase: string): string | number | undefined;
}
