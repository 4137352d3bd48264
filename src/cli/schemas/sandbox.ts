/** `sandbox up|status|down|domains|generate`: the local reference network and the challenge generator. */
import { z } from 'zod';
import { sandboxDescriptionSchema } from '../../sandbox/network/description.js';
import { decimalString } from './common.js';

/** `sandbox up --json`: the description file's content (test keys included: local chain only). */
export const sandboxUpSchema = sandboxDescriptionSchema;

export const sandboxStatusSchema = sandboxDescriptionSchema.extend({
  live: z.strictObject({
    process: z.boolean(),
    rpc: z.boolean(),
    chainId: z.number().int().nullable(),
    coordinator: z.boolean(),
    epoch: decimalString.nullable(),
  }),
});

export const sandboxDownSchema = z.strictObject({
  stopped: z.boolean(),
  pid: z.number().int().nullable(),
  forced: z.boolean().describe('it ignored SIGTERM and was killed'),
  note: z.string().optional(),
});

export const sandboxDomainsSchema = z.strictObject({
  domains: z.array(z.strictObject({ name: z.string(), entityNoun: z.string(), description: z.string(), tags: z.array(z.string()) })),
});

export const sandboxGenerateSchema = z.strictObject({
  seed: decimalString,
  domain: z.string(),
  challengeId: z.string(),
  files: z.strictObject({ challenge: z.string(), answerKey: z.string(), solution: z.string() }),
});
