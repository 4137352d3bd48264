/**
 * Building blocks of the published `--json` output schemas (schemas/*.schema.json). Big
 * integers travel as decimal strings, as on the wire; every document is a strict object so the
 * schema test notices an output field nobody documented.
 */
import { z } from 'zod';
import { errorCodes, type ErrorCode } from '../../errors.js';
import { receiptStateNames } from '../../ledger/records.js';

export const decimalString = z.string().regex(/^\d+$/).describe('a decimal integer string');
export const addressString = z.string().regex(/^0x[0-9a-fA-F]{40}$/).describe('a 0x-prefixed 20-byte address');
export const hashString = z.string().regex(/^0x[0-9a-fA-F]{64}$/).describe('a 0x-prefixed 32-byte hash');
/** The process exit codes 0–7 (README "Exit codes"). */
export const exitCodeSchema = z.number().int().min(0).max(7);
export const laneSchema = z.enum(['wallet', 'rig']);
export const receiptStateSchema = z.enum(receiptStateNames);

/** Every command's failure with `--json`: one document on stdout, the exit code says the class. */
export const errorDocumentSchema = z
  .strictObject({
    error: z.strictObject({
      code: z.enum(Object.keys(errorCodes) as [ErrorCode, ...ErrorCode[]]),
      message: z.string().describe('what happened, one line'),
      hint: z.string().optional().describe('what to do next'),
      details: z.string().optional().describe('the underlying cause (never a secret)'),
    }),
  })
  .describe('The error document of every command run with --json; the exit code gives its class (README "Exit codes").');
