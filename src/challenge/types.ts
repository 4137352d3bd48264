/**
 * The internal challenge model: every payload generation (V1, V2+ wallet lane, rig lane)
 * is normalised into one `Challenge` by `parseChallenge` (src/challenge/parse.ts).
 */

export type Generation = 'v1' | 'wallet' | 'rig';

export interface Question {
  /** The payload's own id (`q08`, `revenue_leader`, ...) or `q01`…`q10` by position. */
  id: string;
  /** 1-based position: constraints say "Question k" by position. */
  number: number;
  text: string;
}

export interface ConstraintText {
  /** 0-based position, as in `failedConstraintIndices`. */
  index: number;
  /** The payload's id (`id` or `key`) when it gives one. */
  id?: string;
  text: string;
}

export interface TraceSubmission {
  required: boolean;
  schemaVersion: number;
  minSteps: number;
  maxSteps: number;
  citationTargetRate: number;
  citationMethod: string;
  submitFields: string[];
}

export interface RigBinding {
  rigId: string;
  operator: string;
  challengeExpiresAtMs: number;
  challengeAuthorization: string;
}

export interface Challenge {
  generation: Generation;
  challengeId: string;
  epochId?: string;
  solveIndex?: string;
  prevReceiptHash?: string;
  challengeManifestHash?: string;
  domain?: string;
  doc: string;
  questions: Question[];
  constraints: ConstraintText[];
  /** The canonical answer roster (`entities`, or `companies` in V1 payloads). */
  entities: string[];
  solveInstructions?: string;
  traceSubmission: TraceSubmission;
  multipass: { enabled: boolean };
  creditsPerSolve?: number;
  rig?: RigBinding;
  /** V1 hashes and other generation-specific fields, kept verbatim for echoing. */
  extra: Record<string, unknown>;
  /** The payload exactly as received. */
  raw: Record<string, unknown>;
}

/** A paragraph of the document: `[paragraph_N]` tags when present, else blank-line blocks. */
export interface Paragraph {
  /** 1-based. */
  n: number;
  /** The paragraph's text without its `[paragraph_N]` tag. */
  text: string;
}

export type ComputeOperation =
  | 'add'
  | 'sum'
  | 'subtract'
  | 'multiply'
  | 'divide'
  | 'mod'
  | 'max'
  | 'min'
  | 'average'
  | 'next_prime'
  | 'round'
  | 'round_nearest'
  | 'abs_diff'
  | 'ratio'
  | 'count'
  | 'compare_equal'
  | 'compare_greater_than'
  | 'compare_less_than';

export interface ExtractFactStep {
  step_id: string;
  action: 'extract_fact';
  targetEntity: string;
  attribute: string;
  valueExtracted: string | number;
  /** `paragraph_N` */
  source: string;
}

export interface ComputeLogicStep {
  step_id: string;
  action: 'compute_logic';
  operation: string;
  /** Earlier step ids or literal numbers. */
  inputs: Array<string | number>;
  result: number | boolean;
}

/** `revision`, `note`, `verify`, `backtrack`, ...: recorded, not checked. */
export interface OtherStep {
  step_id: string;
  action: string;
  [field: string]: unknown;
}

export type TraceStep = ExtractFactStep | ComputeLogicStep | OtherStep;

/** What a miner submits, apart from the protocol envelope. */
export interface Solution {
  artifact: string;
  reasoningTrace: TraceStep[];
  /** Keyed by the question ids of the normalised challenge. */
  submittedAnswers: Record<string, string>;
}
