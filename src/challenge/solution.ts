/**
 * parseSolution: `{artifact, reasoningTrace, submittedAnswers}` from a model, an agent or a
 * file. Only structurally unusable input is rejected here; the checker (src/verify/) judges
 * the content — including non-string `step_id`s, which it reports rather than us refusing them.
 */
import { z } from 'zod';
import { MinerError } from '../errors.js';
import type { Solution, TraceStep } from './types.js';
import { fieldProblems, type FieldProblem } from './zod-issues.js';

/** Any object is a step as far as structure goes; its fields are the checker's business. */
const stepSchema = z.looseObject({});

/** Integer answers may arrive as JSON numbers; they are compared as decimal strings. */
const answerSchema = z
  .union([z.string(), z.number().refine(Number.isFinite)], { error: 'expected a string answer' })
  .transform(String);

export const solutionSchema = z.looseObject({
  artifact: z.string(),
  reasoningTrace: z.array(stepSchema).optional(),
  submittedAnswers: z.record(z.string(), answerSchema).optional(),
});

const SOLUTION_HINT =
  'A solution is a JSON object {"artifact": "...", "reasoningTrace": [steps], "submittedAnswers": {"q01": "..."}}.';

/**
 * Validates a solution. A `reasoningTrace` sent as a JSON string (some agents stringify it) is
 * decoded first; a missing trace or answer map becomes empty so the checker can report it.
 */
export function parseSolution(payload: unknown): Solution {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    throw invalid([{ path: '(root)', message: 'expected a JSON object' }]);
  }
  const input = decodeStringTrace(payload as Record<string, unknown>);
  const result = solutionSchema.safeParse(input);
  if (!result.success) throw invalid(fieldProblems(result.error, input));
  return {
    artifact: result.data.artifact,
    // Steps are passed through as given; `TraceStep` is the shape the checker validates against.
    reasoningTrace: (result.data.reasoningTrace ?? []) as TraceStep[],
    submittedAnswers: result.data.submittedAnswers ?? {},
  };
}

function decodeStringTrace(input: Record<string, unknown>): Record<string, unknown> {
  const trace = input.reasoningTrace;
  if (typeof trace !== 'string') return input;
  let decoded: unknown;
  try {
    decoded = JSON.parse(trace);
  } catch (error) {
    throw invalid(
      [{ path: 'reasoningTrace', message: 'is a string but not valid JSON (expected an array of steps)' }],
      error,
    );
  }
  return { ...input, reasoningTrace: decoded };
}

function invalid(problems: FieldProblem[], cause?: unknown): MinerError {
  const [first] = problems;
  const headline = first ? `${first.path}: ${first.message}` : 'unknown problem';
  return new MinerError('INVALID_SOLUTION', `Solution is malformed at ${headline}.`, {
    details: problems.length > 1 ? problems.map((p) => `${p.path}: ${p.message}`).join('; ') : undefined,
    hint: SOLUTION_HINT,
    cause,
  });
}
