/** GET /v1/epoch (spec/protocol.md §4). */
import { z } from 'zod';
import type { CoordinatorBase } from '../context.js';
import { decimalString } from '../schemas.js';
import { readPublic } from './read.js';

const epochSchema = z.looseObject({
  epochId: decimalString,
  prevEpochId: decimalString.nullable().optional(),
  nextEpochStartTimestamp: z.number().int().nonnegative().optional(),
  epochDurationSeconds: z.number().int().positive().optional(),
});

export type EpochInfo = z.output<typeof epochSchema>;

export function getEpoch(base: CoordinatorBase): Promise<EpochInfo> {
  return readPublic(base, 'epoch', epochSchema, 'Reading the current epoch');
}
