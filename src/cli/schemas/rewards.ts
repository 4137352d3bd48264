/** `status`, `epoch`, `credits`, `claim`, `stake|unstake|withdraw` and `rig status`: where mining stands and what it earned. */
import { z } from 'zod';
import { addressString, decimalString, hashString, laneSchema, receiptStateSchema } from './common.js';

const blocker = z.enum(['running', 'no_credits', 'not_funded', 'not_finalized', 'claimed', 'reverts']).describe('why the epoch is not claimable (the first unmet condition)');

export const epochSchema = z.strictObject({
  epochId: decimalString,
  contract: addressString.describe('the mining contract read (rig lane: the rig mining contract)'),
  chainTime: decimalString.describe('the latest block timestamp, seconds'),
  durationSeconds: z.number().int().positive().nullable().describe('epoch length, from the coordinator; null when unknown'),
  endsAt: decimalString.nullable(),
  secondsLeft: decimalString.nullable(),
});

const epochCredits = z.strictObject({
  confirmed: z.number().int().nonnegative(),
  creditsEarned: decimalString,
  withoutCredits: z.number().int().nonnegative(),
});

const daySummary = z.strictObject({
  attempts: z.number().int().nonnegative(),
  modelCalls: z.number().int().nonnegative(),
  costUsd: z.number().nonnegative(),
  unpricedCalls: z.number().int().nonnegative(),
  passes: z.number().int().nonnegative(),
  fails: z.number().int().nonnegative(),
});

/** The local ledger's numbers (src/ledger/summary.ts). */
export const ledgerSummarySchema = z.strictObject({
  day: z.string().describe('the UTC day, YYYY-MM-DD'),
  since: z.string().nullable(),
  today: daySummary,
  challenges: z.number().int().nonnegative(),
  attempts: z.number().int().nonnegative(),
  passes: z.number().int().nonnegative(),
  fails: z.number().int().nonnegative(),
  passRate: z.number().min(0).max(1).nullable(),
  costUsd: z.number().nonnegative(),
  receipts: z.record(receiptStateSchema, z.number().int().nonnegative()),
  creditsByEpoch: z.record(decimalString, epochCredits),
});

export const statusSchema = z.strictObject({
  lane: laneSchema,
  address: addressString,
  epoch: epochSchema,
  chain: z.strictObject({
    epochs: z
      .array(z.strictObject({ epochId: decimalString, credits: decimalString, share: decimalString, claimable: z.boolean(), blocker: blocker.optional() }))
      .optional()
      .describe('wallet lane: recent credited epochs on chain'),
    rigs: z.array(z.strictObject({ rigId: decimalString, authorized: z.boolean(), nextIndex: decimalString })).optional().describe('rig lane: each rig on chain'),
  }),
  ledger: ledgerSummarySchema,
});

export const creditsSchema = z.strictObject({
  lane: laneSchema,
  address: addressString,
  currentEpoch: decimalString,
  epochs: z.array(
    z.strictObject({
      epochId: decimalString,
      rigId: decimalString.optional(),
      credits: decimalString,
      claimed: z.boolean(),
      claimable: z.boolean(),
      blocker: blocker.optional(),
      share: decimalString.optional().describe('wallet lane: BOTCOIN base units the epoch pays this miner'),
    }),
  ),
  ledger: z.record(decimalString, epochCredits),
});

/** A scanned epoch's state (wallet or rig lane, or a bonus epoch), big integers as strings. */
const scannedEpoch = z.strictObject({
  epochId: decimalString,
  rigId: decimalString.optional(),
  credits: decimalString.optional(),
  totalCredits: decimalString.optional(),
  reward: decimalString.optional(),
  bonusReward: decimalString.optional(),
  finalized: z.boolean().optional(),
  claimed: z.boolean().optional(),
  bonusClaimed: z.boolean().optional(),
  share: decimalString.optional(),
  claimable: z.boolean(),
  blocker: blocker.optional(),
  revert: z.string().optional(),
});

export const claimSchema = z.strictObject({
  lane: laneSchema,
  address: addressString,
  currentEpoch: decimalString,
  dryRun: z.boolean(),
  scanned: z.strictObject({ epochs: z.array(decimalString).optional(), last: z.number().int().positive().optional() }),
  epochs: z.array(scannedEpoch),
  bonus: z.array(scannedEpoch),
  claims: z.array(
    z.strictObject({
      kind: z.enum(['claim', 'bonus_claim']),
      rigId: decimalString.optional(),
      epochs: z.array(decimalString),
      expected: decimalString.optional(),
      to: addressString,
      function: z.string().describe('e.g. "claim([20, 21])"'),
      txHash: hashString.optional(),
      blockNumber: decimalString.optional(),
      paid: decimalString.optional().describe('BOTCOIN base units the transaction paid out'),
    }),
  ),
  note: z.string().optional(),
});

export const stakingSchema = z.strictObject({
  action: z.enum(['stake', 'unstake', 'withdraw']),
  miner: addressString,
  dryRun: z.boolean(),
  amount: decimalString.optional(),
  steps: z.array(
    z.strictObject({ function: z.string(), to: addressString, simulated: z.boolean(), txHash: hashString.optional(), blockNumber: decimalString.optional() }),
  ),
  position: z.strictObject({ staked: decimalString, withdrawableAt: decimalString, eligible: z.boolean(), tier: z.number().int().nullable(), balance: decimalString }),
  note: z.string().optional(),
});

export const rigStatusSchema = z.strictObject({
  operator: addressString,
  epochId: decimalString,
  rigs: z.array(
    z.strictObject({
      rigId: decimalString,
      authorized: z.boolean(),
      nextIndex: decimalString,
      lastReceiptHash: hashString,
      creditsThisEpoch: decimalString,
      confirmedThisEpoch: z.number().int().nonnegative(),
      inFlight: z.number().int().nonnegative(),
      lastReceipt: z.strictObject({ receiptId: z.string(), state: receiptStateSchema, txHash: hashString }).nullable(),
    }),
  ),
});
