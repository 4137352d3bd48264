/**
 * The ledger's record schemas (version 1). Records are data that `status`, crash recovery and
 * dataset export read back, possibly months later and from another version of the miner, so
 * field names are stable: within `v: 1` fields are only ever added as optional; readers drop
 * fields they do not know (zod's default strip), so a newer miner's records still read here.
 *
 * Every record: `v` (1), `ts` (ISO-8601 UTC, when it was appended), `kind`, `id` (unique per
 * record, a random UUID unless the caller gives one). Big integers (epochId, solveIndex,
 * rigId, blockNumber, creditsEarned) are decimal strings, as on the wire (spec/protocol.md §1).
 *
 * | kind        | fields (`?` = optional)                                                                 |
 * |-------------|-----------------------------------------------------------------------------------------|
 * | challenge   | challengeId, lane (wallet/rig), rigId?, miner (wallet or rig operator), epochId?,        |
 * |             | solveIndex?, domain?, manifestHash?, nonce (the request nonce), expiresAtMs?,            |
 * |             | payload {sha256, path, bytes}: the payload JSON lives in a content-addressed side file   |
 * |             | (`payloads/<sha256>.json` under the wallet's ledger folder, see ledger.ts storePayload)  |
 * | model_call  | challengeId?, attempt?, provider, model, system?, messages [{role, content}], response,  |
 * |             | usage {promptTokens, completionTokens, totalTokens}, costUsd (null = unknown price),     |
 * |             | latencyMs, finishReason?, error?                                                        |
 * | attempt     | challengeId, attempt (1..3), artifact, reasoningTrace (steps), submittedAnswers,         |
 * |             | modelVersion?, strategy?, localCheck {pass, constraintsPassed?, constraintsTotal?,       |
 * |             | traceOk?, problems?}, idempotencyKey? (rig submit), attemptId? (rig attempt id)          |
 * | feedback    | challengeId, attempt, pass, status? (rig terminal status), retryAllowed?,                |
 * |             | attemptsRemaining?, constraintsPassed?, constraintsTotal?, questionAnswersCorrect?,      |
 * |             | questionAnswersTotal?, questionAnswersRequired?, failedConstraintIndices?, raw           |
 * | receipt     | receiptId, state, then per state:                                                       |
 * |             |  signed: lane, rigId?, miner, epochId, solveIndex, challengeId, receipt, signature?,     |
 * |             |          transaction {to, chainId, value, data}, rawTransaction, txHash, txNonce?        |
 * |             |  broadcast: txHash, rawTransaction? (only when a re-signed replacement was sent)        |
 * |             |  confirmed: txHash, blockNumber, creditsEarned?                                         |
 * |             |  reverted: txHash, blockNumber?, revertError                                            |
 * |             |  dropped: txHash?, reason                                                               |
 * | evaluation  | (paid-feedback market, loose) evaluationId?, challengeId?, request, feedback?, payment?, |
 * |             | outcome?                                                                                |
 * | error       | where, code, message, challengeId?, details?                                            |
 *
 * Why `signed` carries the signed raw transaction and its hash: re-sending the very same bytes
 * is idempotent (same hash, same nonce), and after a crash between broadcast and the
 * `broadcast` record the miner can look the hash up on chain instead of signing a second
 * transaction that would only revert with `ChainMismatch`. A replacement (same nonce, higher
 * fee) after `dropped` is recorded in the `broadcast` record's `rawTransaction`/`txHash`,
 * written with `appendDurable` before it is sent.
 */
import { z } from 'zod';

const decimal = z.string().regex(/^\d+$/, 'expected a decimal integer string');
const address = z.string().regex(/^0x[0-9a-fA-F]{40}$/, 'expected a 0x address');
const hexData = z.string().regex(/^0x([0-9a-fA-F]{2})*$/, 'expected 0x-prefixed hex bytes');
const hash = z.string().regex(/^0x[0-9a-fA-F]{64}$/, 'expected a 0x-prefixed 32-byte hash');
const nonEmpty = z.string().min(1);

export const lanes = ['wallet', 'rig'] as const;
export type Lane = (typeof lanes)[number];

const base = {
  v: z.literal(1),
  ts: z.iso.datetime({ offset: true }),
  id: nonEmpty,
};

export const payloadRefSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected a lower-case sha256 hex digest'),
  /** Relative to the wallet's ledger folder. */
  path: nonEmpty,
  bytes: z.number().int().nonnegative(),
});
export type PayloadRef = z.infer<typeof payloadRefSchema>;

export const challengeRecordSchema = z.object({
  ...base,
  kind: z.literal('challenge'),
  challengeId: nonEmpty,
  lane: z.enum(lanes),
  rigId: decimal.optional(),
  miner: address,
  epochId: decimal.optional(),
  solveIndex: decimal.optional(),
  domain: z.string().optional(),
  manifestHash: z.string().optional(),
  nonce: nonEmpty,
  expiresAtMs: z.number().optional(),
  payload: payloadRefSchema,
});

export const modelCallRecordSchema = z.object({
  ...base,
  kind: z.literal('model_call'),
  challengeId: z.string().optional(),
  attempt: z.number().int().min(1).optional(),
  provider: nonEmpty,
  model: nonEmpty,
  system: z.string().optional(),
  messages: z.array(z.object({ role: z.enum(['system', 'user', 'assistant']), content: z.string() })),
  response: z.string(),
  usage: z.object({
    promptTokens: z.number().int().nonnegative(),
    completionTokens: z.number().int().nonnegative(),
    totalTokens: z.number().int().nonnegative(),
  }),
  /** null when the model has no known price: spend caps then count it as 0 and `status` says so. */
  costUsd: z.number().nonnegative().nullable(),
  latencyMs: z.number().nonnegative(),
  finishReason: z.string().optional(),
  error: z.string().optional(),
});

export const attemptRecordSchema = z.object({
  ...base,
  kind: z.literal('attempt'),
  challengeId: nonEmpty,
  attempt: z.number().int().min(1).max(3),
  artifact: z.string(),
  reasoningTrace: z.array(z.unknown()),
  submittedAnswers: z.record(z.string(), z.unknown()),
  modelVersion: z.string().optional(),
  strategy: z.string().optional(),
  localCheck: z.object({
    pass: z.boolean(),
    constraintsPassed: z.number().int().nonnegative().optional(),
    constraintsTotal: z.number().int().nonnegative().optional(),
    traceOk: z.boolean().optional(),
    problems: z.array(z.string()).optional(),
  }),
  idempotencyKey: z.string().optional(),
  attemptId: z.string().optional(),
});

const count = z.number().int().nonnegative().optional();

export const feedbackRecordSchema = z.object({
  ...base,
  kind: z.literal('feedback'),
  challengeId: nonEmpty,
  attempt: z.number().int().min(1).max(3),
  pass: z.boolean(),
  status: z.string().optional(),
  retryAllowed: z.boolean().optional(),
  attemptsRemaining: count,
  constraintsPassed: count,
  constraintsTotal: count,
  questionAnswersCorrect: count,
  questionAnswersTotal: count,
  questionAnswersRequired: count,
  failedConstraintIndices: z.array(z.number().int().nonnegative()).optional(),
  raw: z.unknown(),
});

export const receiptStateNames = ['signed', 'broadcast', 'confirmed', 'reverted', 'dropped'] as const;
export type ReceiptStateName = (typeof receiptStateNames)[number];

const receiptBase = { ...base, kind: z.literal('receipt'), receiptId: nonEmpty };

export const transactionSchema = z.object({ to: address, chainId: z.number().int().positive(), value: decimal, data: hexData });
export type LedgerTransaction = z.infer<typeof transactionSchema>;

export const receiptRecordSchema = z.discriminatedUnion('state', [
  z.object({
    ...receiptBase,
    state: z.literal('signed'),
    lane: z.enum(lanes),
    rigId: decimal.optional(),
    miner: address,
    epochId: decimal,
    solveIndex: decimal,
    challengeId: nonEmpty,
    /** The coordinator's receipt object, verbatim. */
    receipt: z.record(z.string(), z.unknown()),
    signature: hexData.optional(),
    transaction: transactionSchema,
    rawTransaction: hexData,
    txHash: hash,
    txNonce: z.number().int().nonnegative().optional(),
  }),
  z.object({ ...receiptBase, state: z.literal('broadcast'), txHash: hash, rawTransaction: hexData.optional() }),
  z.object({ ...receiptBase, state: z.literal('confirmed'), txHash: hash, blockNumber: decimal, creditsEarned: decimal.optional() }),
  z.object({ ...receiptBase, state: z.literal('reverted'), txHash: hash, blockNumber: decimal.optional(), revertError: nonEmpty }),
  z.object({ ...receiptBase, state: z.literal('dropped'), txHash: hash.optional(), reason: nonEmpty }),
]);

export const evaluationRecordSchema = z.object({
  ...base,
  kind: z.literal('evaluation'),
  evaluationId: z.string().optional(),
  challengeId: z.string().optional(),
  request: z.unknown(),
  feedback: z.unknown().optional(),
  payment: z.unknown().optional(),
  outcome: z.string().optional(),
});

export const errorRecordSchema = z.object({
  ...base,
  kind: z.literal('error'),
  where: nonEmpty,
  code: nonEmpty,
  message: z.string(),
  challengeId: z.string().optional(),
  details: z.string().optional(),
});

export const ledgerRecordSchema = z.discriminatedUnion('kind', [
  challengeRecordSchema,
  modelCallRecordSchema,
  attemptRecordSchema,
  feedbackRecordSchema,
  receiptRecordSchema,
  evaluationRecordSchema,
  errorRecordSchema,
]);

export type LedgerRecord = z.infer<typeof ledgerRecordSchema>;
export type RecordKind = LedgerRecord['kind'];
export type ChallengeRecord = z.infer<typeof challengeRecordSchema>;
export type ModelCallRecord = z.infer<typeof modelCallRecordSchema>;
export type AttemptRecord = z.infer<typeof attemptRecordSchema>;
export type FeedbackRecord = z.infer<typeof feedbackRecordSchema>;
export type ReceiptRecord = z.infer<typeof receiptRecordSchema>;
export type EvaluationRecord = z.infer<typeof evaluationRecordSchema>;
export type ErrorRecord = z.infer<typeof errorRecordSchema>;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** What callers hand to `append`: the ledger stamps `v`, `ts` and `id` unless given. */
export type LedgerRecordInput = DistributiveOmit<LedgerRecord, 'v' | 'ts' | 'id'> & { ts?: string; id?: string };

/** `<lane>:<rigId or lower-case miner>:<epochId>:<solveIndex>`: one receipt per chain position. */
export function receiptIdOf(position: { lane: Lane; rigId?: string; miner: string; epochId: string; solveIndex: string }): string {
  const who = position.lane === 'rig' ? position.rigId : position.miner.toLowerCase();
  if (!who) throw new TypeError('receiptIdOf: a rig-lane receipt needs its rigId');
  return `${position.lane}:${who}:${position.epochId}:${position.solveIndex}`;
}
