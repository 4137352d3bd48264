/**
 * The feedback wire format (spec/market.md "Feedback"), version `botcoin-feedback/1`.
 *
 * Request: `task.prompt` is what the student asks (free text, e.g. why the coordinator rejected
 * the attempt); `task.context` is the challenge payload exactly as the coordinator served it
 * (`parseChallenge` reads it); `output` is the attempt's solution JSON
 * `{artifact, reasoningTrace, submittedAnswers}`; `outputSha256` is the SHA-256 (hex) of the
 * canonical JSON of `output` (keys sorted, no whitespace), so the signed feedback binds the
 * exact output it judged without repeating it.
 *
 * Response: what the evaluator says, who it is, and what it was paid; `signature` covers all
 * of it (see signature.ts).
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from '../../util/canonical-json.js';

export const FEEDBACK_VERSION = 'botcoin-feedback/1';

const address = z.string().regex(/^0x[0-9a-fA-F]{40}$/, 'expected a 0x address');
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'expected a lower-case sha256 hex digest');
const unit = z.number().min(0).max(1);

export const feedbackRequestSchema = z.object({
  version: z.literal(FEEDBACK_VERSION),
  challengeId: z.string().min(1),
  attempt: z.number().int().min(1),
  domain: z.string().min(1),
  task: z.object({
    prompt: z.string(),
    /** The challenge payload as served. */
    context: z.record(z.string(), z.unknown()),
  }),
  /** The solution JSON of the attempt. */
  output: z.record(z.string(), z.unknown()),
  outputSha256: sha256,
});
export type FeedbackRequest = z.infer<typeof feedbackRequestSchema>;

export const verdicts = ['pass', 'fail', 'unsure'] as const;
export type Verdict = (typeof verdicts)[number];

/** One checked criterion, naming where the defect is (a constraint index or a trace step). */
export const rubricItemSchema = z.object({
  criterion: z.string().min(1),
  status: z.enum(['pass', 'fail', 'unchecked']),
  detail: z.string(),
  constraintIndex: z.number().int().nonnegative().optional(),
  stepId: z.string().optional(),
});
export type RubricItem = z.infer<typeof rubricItemSchema>;

export const paymentFactsSchema = z.object({
  network: z.string().min(1),
  asset: address,
  /** Atomic token units, decimal string. */
  amount: z.string().regex(/^\d+$/),
  payer: address,
  /** The EIP-3009 authorization nonce (bytes32). */
  authNonce: z.string().regex(/^0x[0-9a-fA-F]{64}$/),
});
export type PaymentFacts = z.infer<typeof paymentFactsSchema>;

export const feedbackResponseSchema = z.object({
  version: z.literal(FEEDBACK_VERSION),
  evaluationId: z.string().min(1),
  evaluator: z.object({ name: z.string().min(1), address }),
  challengeId: z.string().min(1),
  attempt: z.number().int().min(1),
  outputSha256: sha256,
  critique: z.string(),
  reward: unit,
  confidence: unit,
  rubric: z.array(rubricItemSchema).optional(),
  verdict: z.enum(verdicts).optional(),
  latencyMs: z.number().nonnegative(),
  payment: paymentFactsSchema,
  signature: z.string().regex(/^0x[0-9a-fA-F]+$/),
});
export type FeedbackResponse = z.infer<typeof feedbackResponseSchema>;
export type UnsignedFeedback = Omit<FeedbackResponse, 'signature'>;

/** SHA-256 hex of the canonical JSON of an output. */
export function outputDigest(output: unknown): string {
  return createHash('sha256').update(canonicalJson(output)).digest('hex');
}

/** Builds a request with its digest filled in. */
export function buildFeedbackRequest(input: Omit<FeedbackRequest, 'version' | 'outputSha256'>): FeedbackRequest {
  return { version: FEEDBACK_VERSION, ...input, outputSha256: outputDigest(input.output) };
}
