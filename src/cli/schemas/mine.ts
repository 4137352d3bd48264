/**
 * `mine`: the final `--json` summary, and with `--jsonl` one event per line (src/miner/events.ts,
 * schema v1) followed by the summary line `{v: 1, type: "summary", ...summary}`.
 */
import { z } from 'zod';
import { MINER_EVENT_VERSION } from '../../miner/events.js';
import { decimalString, hashString, laneSchema, receiptStateSchema } from './common.js';
import { recoveryReportSchema } from './receipts.js';

export const mineSummaryShape = {
  lane: laneSchema,
  rigs: z.array(decimalString),
  dryRun: z.boolean(),
  requested: z.number().int().positive(),
  challenges: z.number().int().nonnegative().describe('challenges taken to an end'),
  confirmed: z.number().int().nonnegative(),
  unsolved: z.number().int().nonnegative(),
  abandoned: z.number().int().nonnegative(),
  voided: z.number().int().nonnegative(),
  reverted: z.number().int().nonnegative(),
  dropped: z.number().int().nonnegative(),
  attempts: z.number().int().nonnegative(),
  creditsEarned: decimalString,
  recovery: recoveryReportSchema.nullable(),
  results: z.array(
    z.strictObject({
      lane: laneSchema,
      rigId: decimalString.optional(),
      challengeId: z.string(),
      outcome: z.enum(['settled', 'unsolved', 'abandoned', 'voided', 'dry_run', 'confirmed', 'reverted', 'dropped']),
      attempts: z.number().int().nonnegative(),
      receiptId: z.string().optional(),
      txHash: hashString.optional(),
      creditsEarned: decimalString.optional(),
      reason: z.string().optional(),
      solution: z
        .strictObject({ artifact: z.string(), submittedAnswers: z.record(z.string(), z.string()), traceSteps: z.number().int().nonnegative() })
        .optional()
        .describe('dry run: what would have been submitted'),
    }),
  ),
};

export const mineSummarySchema = z.strictObject(mineSummaryShape);

const eventBase = {
  v: z.literal(MINER_EVENT_VERSION),
  ts: z.iso.datetime(),
  lane: laneSchema,
  rigId: decimalString.optional(),
};
const count = z.number().int().nonnegative();

export const minerEventSchema = z.discriminatedUnion('type', [
  z.strictObject({
    ...eventBase,
    type: z.literal('challenge'),
    challengeId: z.string(),
    epochId: decimalString.optional(),
    solveIndex: decimalString.optional(),
    domain: z.string().optional(),
    expiresAtMs: z.number().optional(),
  }),
  z.strictObject({
    ...eventBase,
    type: z.literal('model_call'),
    challengeId: z.string(),
    attempt: count,
    provider: z.string(),
    model: z.string(),
    promptTokens: count,
    completionTokens: count,
    costUsd: z.number().nonnegative().nullable().describe('null: unknown price'),
    latencyMs: z.number().nonnegative(),
    error: z.string().optional(),
  }),
  z.strictObject({
    ...eventBase,
    type: z.literal('check'),
    challengeId: z.string(),
    attempt: count,
    pass: z.boolean(),
    constraintsPassed: count,
    constraintsTotal: count,
    traceValid: z.boolean(),
    repairs: count,
    problems: z.array(z.string()),
  }),
  z.strictObject({
    ...eventBase,
    type: z.literal('attempt'),
    challengeId: z.string(),
    attempt: count,
    submitted: z.boolean().describe('false in a dry run'),
    artifact: z.string(),
    wordCount: count,
  }),
  z.strictObject({
    ...eventBase,
    type: z.literal('verdict'),
    challengeId: z.string(),
    attempt: count,
    pass: z.boolean(),
    status: z.string().optional(),
    retryAllowed: z.boolean().optional(),
    attemptsRemaining: count.optional(),
    constraintsPassed: count.optional(),
    constraintsTotal: count.optional(),
    questionAnswersCorrect: count.optional(),
    questionAnswersTotal: count.optional(),
    questionAnswersRequired: count.optional(),
  }),
  z.strictObject({
    ...eventBase,
    type: z.literal('receipt'),
    receiptId: z.string(),
    state: receiptStateSchema,
    challengeId: z.string().optional(),
    txHash: hashString.optional(),
    blockNumber: decimalString.optional(),
    creditsEarned: decimalString.optional(),
    reason: z.string().optional(),
    recovered: z.boolean(),
  }),
  z.strictObject({
    ...eventBase,
    type: z.literal('error'),
    code: z.string().describe('a MinerError code, or ABANDONED / VOIDED / WAIT for routine outcomes'),
    message: z.string(),
    fatal: z.boolean(),
    challengeId: z.string().optional(),
    hint: z.string().optional(),
  }),
  z.strictObject({
    ...eventBase,
    type: z.literal('evaluation'),
    challengeId: z.string(),
    attempt: count.describe('the attempt judged'),
    evaluator: z.string().describe('evaluator id'),
    name: z.string(),
    phase: z.enum(['feedback', 'outcome']).describe('feedback: bought or failed; outcome: what mining revealed'),
    paid: z.boolean(),
    verdict: z.enum(['pass', 'fail', 'unsure']).optional(),
    reward: z.number().optional(),
    confidence: z.number().optional(),
    priceUsd: z.string().optional(),
    txHash: hashString.optional(),
    latencyMs: z.number().nonnegative().optional(),
    error: z.string().optional(),
    coordinatorVerdict: z.enum(['pass', 'fail']).optional(),
    nextAttemptPassed: z.boolean().optional(),
  }),
]);

/** The last line of `mine --jsonl`. */
export const mineSummaryLineSchema = z.strictObject({ v: z.literal(MINER_EVENT_VERSION), type: z.literal('summary'), ...mineSummaryShape });

/** Any line of `mine --jsonl`. */
export const mineJsonlLineSchema = z.union([minerEventSchema, mineSummaryLineSchema]);
