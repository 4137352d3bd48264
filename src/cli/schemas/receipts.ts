/** `receipts list` (the ledger's receipts and their states) and `receipts retry` (crash recovery on demand). */
import { z } from 'zod';
import { addressString, decimalString, hashString, laneSchema, receiptStateSchema } from './common.js';

export const receiptsListSchema = z.strictObject({
  wallet: addressString,
  ledger: z.string().describe("the wallet's ledger folder"),
  receipts: z.array(
    z.strictObject({
      receiptId: z.string(),
      state: receiptStateSchema,
      lane: laneSchema,
      rigId: decimalString.optional(),
      epochId: decimalString,
      solveIndex: decimalString,
      challengeId: z.string(),
      txHash: hashString,
      blockNumber: decimalString.optional(),
      creditsEarned: decimalString.optional(),
      revertError: z.string().optional(),
      dropReason: z.string().optional(),
      signedAt: z.string(),
      updatedAt: z.string(),
      history: z.array(z.strictObject({ state: receiptStateSchema, ts: z.string() })),
    }),
  ),
});

/** src/miner/recovery.ts RecoveryReport; also `mine`'s `recovery`. */
export const recoveryReportSchema = z.strictObject({
  inFlight: z.number().int().nonnegative().describe('receipts found in flight (signed or broadcast)'),
  settled: z.array(
    z.strictObject({
      receiptId: z.string(),
      action: z.enum(['already-mined', 'waited', 'rebroadcast', 'nonce-used']),
      state: z.string(),
      txHash: z.string(),
    }),
  ),
  unsigned: z.array(
    z.strictObject({ challengeId: z.string(), state: z.enum(['sent', 'dropped']), receiptId: z.string().optional(), reason: z.string().optional() }),
  ),
});
