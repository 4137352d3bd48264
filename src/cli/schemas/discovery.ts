/** `skill` (the coordinator's skill file) and `doctor` (every check mining needs). */
import { z } from 'zod';
import { exitCodeSchema as exitCode } from './common.js';

export const skillSchema = z.strictObject({
  url: z.string().describe('the skill file read'),
  name: z.string().optional(),
  description: z.string().optional(),
  metadata: z.record(z.string(), z.unknown()),
  endpoints: z.array(
    z.strictObject({
      method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
      path: z.string(),
      query: z.array(z.string()),
      auth: z.boolean().optional(),
    }),
  ),
  lane: z.enum(['rig', 'wallet', 'unknown']),
  generation: z.string().describe('rig, v4, v3, v2, v1 or unknown'),
  contracts: z.array(z.strictObject({ name: z.string(), address: z.string() })),
  coordinatorUrl: z.string().optional(),
  chainId: z.number().int().optional(),
  warnings: z.array(z.string()),
});

export const doctorSchema = z.strictObject({
  ok: z.boolean(),
  exitCode: exitCode.describe('0 when every check passes, else the class of the first failure'),
  checks: z.array(
    z.strictObject({
      id: z.string(),
      ok: z.boolean(),
      summary: z.string(),
      hint: z.string().optional(),
      details: z.string().optional(),
      skipped: z.boolean().optional(),
      exitCode: exitCode.optional(),
    }),
  ),
});
