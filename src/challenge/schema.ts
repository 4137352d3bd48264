/**
 * zod schemas for every challenge payload generation (spec/protocol.md §7). They validate and
 * lightly coerce (big integers → decimal strings); normalisation into a `Challenge` happens in
 * parse.ts. Objects are loose: fields this project does not know yet pass through untouched.
 */
import { z } from 'zod';

/** Big integers travel as decimal strings; a JSON number is accepted only while it is exact. */
export const decimalIdSchema = z
  .union(
    [
      z.string().regex(/^\d+$/, { error: 'expected a decimal string of digits (e.g. "171")' }),
      z.number().refine((n) => Number.isSafeInteger(n) && n >= 0, {
        error: 'expected a decimal string (a JSON number only while it is an exact non-negative integer)',
      }),
    ],
    { error: 'expected a decimal string (or a safe non-negative integer)' },
  )
  .transform((value) => String(value));

/** Millisecond timestamps are plain numbers; a decimal string is tolerated. */
const millisSchema = z
  .union(
    [
      z.number().int().nonnegative(),
      z.string().regex(/^\d+$/, { error: 'expected milliseconds since the epoch as digits' }),
    ],
    { error: 'expected milliseconds since the epoch (a number)' },
  )
  .transform((value) => Number(value));

const nonEmpty = z.string().min(1);
const addressSchema = z.string().regex(/^0x[0-9a-fA-F]{40}$/, { error: 'expected a 0x-prefixed 20-byte hex address' });
const itemIdSchema = z.union([nonEmpty, z.number().int()], { error: 'expected a string id' }).transform(String);

/** A question or constraint: a plain string, or an object with an id (`id` or `key`) and `text`. */
export const textItemSchema = z.union(
  [
    z.string(),
    z.looseObject({ id: itemIdSchema.optional(), key: itemIdSchema.optional(), text: z.string() }),
  ],
  { error: 'expected a string, or an object with "text" (and "id" or "key")' },
);
export type TextItem = z.output<typeof textItemSchema>;

/** Each field optional: parse.ts fills production defaults for whatever is missing. */
export const traceSubmissionSchema = z.looseObject({
  required: z.boolean().optional(),
  schemaVersion: z.number().int().positive().optional(),
  minSteps: z.number().int().nonnegative().optional(),
  maxSteps: z.number().int().positive().optional(),
  citationTargetRate: z.number().min(0).max(100).optional(),
  citationMethod: z.string().optional(),
  submitFields: z.array(z.string()).optional(),
});

/** `{enabled}` (production) or a bare boolean. */
export const multipassSchema = z.union([z.boolean(), z.looseObject({ enabled: z.boolean() })], {
  error: 'expected {"enabled": true|false}',
});

const rosterSchema = z.array(z.string().trim().min(1));

/** Fields shared by every generation. */
const commonShape = {
  challengeId: itemIdSchema,
  epochId: decimalIdSchema.optional(),
  solveIndex: decimalIdSchema.optional(),
  prevReceiptHash: z.string().optional(),
  challengeDomain: z.string().optional(),
  doc: z.string().min(1),
  questions: z.array(textItemSchema).min(1),
  constraints: z.array(textItemSchema).min(1),
  entities: rosterSchema.optional(),
  companies: rosterSchema.optional(),
  solveInstructions: z.union([z.string(), z.array(z.string())], { error: 'expected a string' }).optional(),
  traceSubmission: traceSubmissionSchema.optional(),
  multipass: multipassSchema.optional(),
  creditsPerSolve: z.number().nonnegative().optional(),
};

/** V1: `companies` roster and the receipt hashes, echoed verbatim (kept in `extra`). */
export const v1PayloadSchema = z.looseObject({
  ...commonShape,
  docHash: z.string().optional(),
  questionsHash: z.string().optional(),
  constraintsHash: z.string().optional(),
  commit: z.string().optional(),
  epochCommit: z.string().optional(),
  rulesVersion: z.number().int().nonnegative().optional(),
});

/** V2–V4 wallet lane: the manifest hash binds the issued content and is echoed on submit. */
export const walletPayloadSchema = z.looseObject({
  ...commonShape,
  challengeManifestHash: nonEmpty,
});

/** Rig lane: the wallet-lane payload bound to a rig, its operator and an expiry. */
export const rigPayloadSchema = walletPayloadSchema.extend({
  rigId: decimalIdSchema,
  operator: addressSchema,
  challengeExpiresAtMs: millisSchema,
  challengeAuthorization: nonEmpty,
});

export type V1Payload = z.output<typeof v1PayloadSchema>;
export type WalletPayload = z.output<typeof walletPayloadSchema>;
export type RigPayload = z.output<typeof rigPayloadSchema>;
export type AnyPayload = V1Payload | WalletPayload | RigPayload;

/** Payload keys that only rig-lane challenges carry. */
export const RIG_KEYS = ['rigId', 'operator', 'challengeExpiresAtMs', 'challengeAuthorization'] as const;

/** Payload keys that mark a V2+ wallet-lane challenge (when no rig key is present). */
export const WALLET_KEYS = ['entities', 'challengeManifestHash'] as const;
