/**
 * Building blocks for validating coordinator responses (spec/protocol.md §1): big integers are
 * decimal strings; a safe JSON integer is tolerated and normalised to its decimal string, but a
 * float or an unsafe integer (already rounded by JSON) is refused.
 */
import { z } from 'zod';
import type { Address, Hex } from 'viem';
import { MinerError } from '../errors.js';

export const decimalString = z
  .union([z.string().regex(/^\d{1,78}$/, 'expected a decimal integer string'), z.number().int().nonnegative().refine(Number.isSafeInteger, 'expected a decimal integer string, got an unsafe JSON number')])
  .transform(String);

export const addressString = z
  .string()
  .regex(/^0x[0-9a-fA-F]{40}$/, 'expected a 0x-prefixed 20-byte address')
  .transform((value) => value as Address);

export const hexString = z
  .string()
  .regex(/^0x([0-9a-fA-F]{2})*$/, 'expected 0x-prefixed hex bytes')
  .transform((value) => value as Hex);

const chainIdNumber = z
  .union([z.number().int().positive(), z.string().regex(/^\d{1,15}$/).transform(Number)])
  .refine(Number.isSafeInteger, 'expected a chain id');

/**
 * A transaction exactly as the coordinator proposed it. Nothing about it is trusted: the
 * transaction guard decodes and checks it (target, function, value, chain, receipt owner)
 * before anything is signed. The name says so wherever it travels.
 */
export interface UntrustedTransaction {
  to: Address;
  chainId: number;
  /** Wei as a decimal string. */
  value: string;
  data: Hex;
}

export const untrustedTransactionSchema = z.looseObject({
  to: addressString,
  chainId: chainIdNumber,
  value: decimalString.default('0'),
  data: hexString,
}).transform((tx): UntrustedTransaction => ({ to: tx.to, chainId: tx.chainId, value: tx.value, data: tx.data }));

/** Multi-pass failure feedback (spec/protocol.md §4): counts only, never which check failed. */
export const multiPassFeedbackSchema = z.looseObject({
  retryAllowed: z.boolean(),
  attemptsUsed: z.number().int().nonnegative().optional(),
  attemptsRemaining: z.number().int().nonnegative().optional(),
  constraintsPassed: z.number().int().nonnegative().optional(),
  constraintsTotal: z.number().int().nonnegative().optional(),
  questionAnswersCorrect: z.number().int().nonnegative().optional(),
  questionAnswersTotal: z.number().int().nonnegative().optional(),
  questionAnswersRequired: z.number().int().nonnegative().optional(),
  retryInstructions: z.string().optional(),
});
export type MultiPassFeedback = z.output<typeof multiPassFeedbackSchema>;

/** An epoch list parameter (`epochs=20,21`): 1 to 64 ids, as the claim functions take. */
export function epochList(epochs: ReadonlyArray<bigint | number | string>): string {
  const hint = 'Name 1 to 64 epochs as non-negative integers, e.g. 20,21.';
  if (epochs.length === 0 || epochs.length > 64) {
    throw new MinerError('INVALID_INPUT', `Expected 1 to 64 epochs, got ${epochs.length}.`, { hint });
  }
  return epochs
    .map((epoch) => {
      const text = String(epoch);
      if (!/^\d{1,20}$/.test(text)) throw new MinerError('INVALID_INPUT', `Not an epoch id: ${JSON.stringify(text)}.`, { hint });
      return text;
    })
    .join(',');
}
