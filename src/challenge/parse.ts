/**
 * parseChallenge: any payload generation (V1, V2+ wallet lane, rig lane) → one `Challenge`.
 * The payload is untrusted data: this validates its shape and never acts on its text.
 */
import type { z } from 'zod';
import { MinerError } from '../errors.js';
import type { Challenge, ConstraintText, Generation, Question, TraceSubmission } from './types.js';
import {
  RIG_KEYS,
  WALLET_KEYS,
  rigPayloadSchema,
  v1PayloadSchema,
  walletPayloadSchema,
  type AnyPayload,
  type RigPayload,
  type TextItem,
  type WalletPayload,
} from './schema.js';
import { fieldProblems, type FieldProblem } from './zod-issues.js';

/**
 * Production defaults for a payload without `traceSubmission` (spec/protocol.md §7).
 * `citationTargetRate` is not public: 0.8 is deliberately stricter than we expect production
 * to be, so a trace that passes locally does not fail remotely on citations.
 */
export const DEFAULT_TRACE_SUBMISSION: Readonly<TraceSubmission> = Object.freeze({
  required: true,
  schemaVersion: 3,
  minSteps: 3,
  maxSteps: 200,
  citationTargetRate: 0.8,
  citationMethod: 'paragraph_N',
  submitFields: ['artifact', 'reasoningTrace', 'submittedAnswers'],
});

/** Payload keys mapped onto `Challenge` fields; every other key is kept in `extra`. */
const MAPPED_KEYS = new Set<string>([
  'challengeId', 'epochId', 'solveIndex', 'prevReceiptHash', 'challengeManifestHash', 'challengeDomain',
  'doc', 'questions', 'constraints', 'entities', 'companies', 'solveInstructions', 'traceSubmission',
  'multipass', 'creditsPerSolve', ...RIG_KEYS,
]);

const PAYLOAD_HINT =
  'Pass the challenge JSON exactly as the coordinator returned it (GET /v1/challenge or /v1/rig/challenge).';

/** Validates and normalises a challenge payload; throws `INVALID_PAYLOAD` naming the field. */
export function parseChallenge(payload: unknown): Challenge {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    throw invalid([{ path: '(root)', message: 'expected a JSON object' }]);
  }
  const raw = payload as Record<string, unknown>;
  const generation = detectGeneration(raw);
  const schema = { v1: v1PayloadSchema, wallet: walletPayloadSchema, rig: rigPayloadSchema }[generation];
  const result = schema.safeParse(raw);
  if (!result.success) throw invalid(fieldProblems(result.error as z.ZodError, raw), generation);
  return normalise(result.data, raw, generation);
}

/**
 * Rig keys → rig lane; else `entities` or `challengeManifestHash` → V2+ wallet lane; else V1
 * (`companies` and the receipt hashes). The schema then insists on that generation's fields.
 */
export function detectGeneration(raw: Record<string, unknown>): Generation {
  if (RIG_KEYS.some((key) => key in raw)) return 'rig';
  if (WALLET_KEYS.some((key) => key in raw)) return 'wallet';
  return 'v1';
}

function normalise(data: AnyPayload, raw: Record<string, unknown>, generation: Generation): Challenge {
  const entities = data.entities ?? data.companies;
  if (!entities) {
    throw invalid(
      [{ path: 'entities', message: 'is missing (expected the answer roster: an array of names; V1 payloads call it "companies")' }],
      generation,
    );
  }
  const challenge: Challenge = {
    generation,
    challengeId: data.challengeId,
    doc: data.doc,
    questions: normaliseQuestions(data.questions, generation),
    constraints: data.constraints.map(normaliseConstraint),
    entities,
    traceSubmission: normaliseTraceSubmission(data.traceSubmission, generation),
    multipass: { enabled: typeof data.multipass === 'boolean' ? data.multipass : (data.multipass?.enabled ?? false) },
    extra: Object.fromEntries(Object.entries(raw).filter(([key]) => !MAPPED_KEYS.has(key))),
    raw,
  };
  if (data.epochId !== undefined) challenge.epochId = data.epochId;
  if (data.solveIndex !== undefined) challenge.solveIndex = data.solveIndex;
  if (data.prevReceiptHash !== undefined) challenge.prevReceiptHash = data.prevReceiptHash;
  if (generation !== 'v1') challenge.challengeManifestHash = (data as WalletPayload).challengeManifestHash;
  if (data.challengeDomain !== undefined) challenge.domain = data.challengeDomain;
  if (data.solveInstructions !== undefined) {
    challenge.solveInstructions = Array.isArray(data.solveInstructions)
      ? data.solveInstructions.join('\n')
      : data.solveInstructions;
  }
  if (data.creditsPerSolve !== undefined) challenge.creditsPerSolve = data.creditsPerSolve;
  if (generation === 'rig') {
    const rig = data as RigPayload;
    challenge.rig = {
      rigId: rig.rigId,
      operator: rig.operator,
      challengeExpiresAtMs: rig.challengeExpiresAtMs,
      challengeAuthorization: rig.challengeAuthorization,
    };
  }
  return challenge;
}

/** Ids: the payload's (`id`, else `key`), else `q01`, `q02`… by position; they must be unique. */
function normaliseQuestions(items: TextItem[], generation: Generation): Question[] {
  const seen = new Map<string, number>();
  return items.map((item, index) => {
    const id = itemId(item) ?? `q${String(index + 1).padStart(2, '0')}`;
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      throw invalid(
        [{ path: `questions[${index}]`, message: `duplicate question id "${id}" (also questions[${earlier}])` }],
        generation,
      );
    }
    seen.set(id, index);
    return { id, number: index + 1, text: itemText(item) };
  });
}

function normaliseConstraint(item: TextItem, index: number): ConstraintText {
  const id = itemId(item);
  return id === undefined ? { index, text: itemText(item) } : { index, id, text: itemText(item) };
}

function itemId(item: TextItem): string | undefined {
  return typeof item === 'string' ? undefined : (item.id ?? item.key);
}

function itemText(item: TextItem): string {
  return typeof item === 'string' ? item : item.text;
}

/** Missing fields take the production defaults; a rate given as a percentage becomes 0..1. */
function normaliseTraceSubmission(
  given: AnyPayload['traceSubmission'],
  generation: Generation,
): TraceSubmission {
  const merged: TraceSubmission = {
    required: given?.required ?? DEFAULT_TRACE_SUBMISSION.required,
    schemaVersion: given?.schemaVersion ?? DEFAULT_TRACE_SUBMISSION.schemaVersion,
    minSteps: given?.minSteps ?? DEFAULT_TRACE_SUBMISSION.minSteps,
    maxSteps: given?.maxSteps ?? DEFAULT_TRACE_SUBMISSION.maxSteps,
    citationTargetRate: given?.citationTargetRate ?? DEFAULT_TRACE_SUBMISSION.citationTargetRate,
    citationMethod: given?.citationMethod ?? DEFAULT_TRACE_SUBMISSION.citationMethod,
    submitFields: given?.submitFields ?? [...DEFAULT_TRACE_SUBMISSION.submitFields],
  };
  if (merged.citationTargetRate > 1) merged.citationTargetRate /= 100;
  if (merged.minSteps > merged.maxSteps) {
    throw invalid(
      [{ path: 'traceSubmission.minSteps', message: `is ${merged.minSteps}, above maxSteps ${merged.maxSteps}` }],
      generation,
    );
  }
  return merged;
}

function invalid(problems: FieldProblem[], generation?: Generation): MinerError {
  const [first] = problems;
  const lane = generation ? ` (${generation === 'v1' ? 'V1' : generation === 'wallet' ? 'wallet-lane' : 'rig-lane'} payload)` : '';
  const headline = first ? `${first.path}: ${first.message}` : 'unknown problem';
  return new MinerError('INVALID_PAYLOAD', `Challenge payload is malformed${lane} at ${headline}.`, {
    details: problems.length > 1 ? problems.map((p) => `${p.path}: ${p.message}`).join('; ') : undefined,
    hint: PAYLOAD_HINT,
  });
}
