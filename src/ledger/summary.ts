/**
 * The numbers `status` shows and the daily caps (`--max-attempts-per-day`,
 * `--max-cost-per-day`) check, computed from ledger records. "Today" is the UTC day of `now`
 * (caps reset at 00:00 UTC, like the protocol's epochs). Pure: the caller reads the records.
 *
 * Receipts are folded from their full history, so pass every receipt record (reading with
 * `{kind: 'receipt'}` is cheap) or none: a `broadcast` whose `signed` was filtered away is an
 * illegal history and throws.
 */
import type { LedgerRecord, ReceiptStateName } from './records.js';
import { receiptStateNames } from './records.js';
import { receiptStates } from './receipts.js';

export interface SummaryOptions {
  now: Date;
  /** Restricts the totals (not `today`) to records at or after this instant; receipts by signing time. */
  since?: Date | string;
}

export interface DaySummary {
  attempts: number;
  modelCalls: number;
  /** Model spend in USD, rounded to micro-dollars; calls without a known price count as 0. */
  costUsd: number;
  unpricedCalls: number;
  passes: number;
  fails: number;
}

export interface EpochCredits {
  confirmed: number;
  /** Sum of `creditsEarned` (decimal string) over the confirmed receipts that recorded it. */
  creditsEarned: string;
  /** Confirmed receipts whose credits were not recorded (look them up with `credits`). */
  withoutCredits: number;
}

export interface LedgerSummary {
  /** The UTC day of `now`, `YYYY-MM-DD`. */
  day: string;
  since: string | null;
  today: DaySummary;
  challenges: number;
  attempts: number;
  passes: number;
  fails: number;
  /** passes / (passes + fails) over coordinator feedback; null before any feedback. */
  passRate: number | null;
  costUsd: number;
  receipts: Record<ReceiptStateName, number>;
  creditsByEpoch: Record<string, EpochCredits>;
}

/** 00:00 UTC of `now`'s day. */
export function utcDayStart(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

export function summarize(records: Iterable<LedgerRecord>, options: SummaryOptions): LedgerSummary {
  const day = options.now.toISOString().slice(0, 10);
  const since = options.since === undefined ? undefined : new Date(options.since);
  const sinceMs = since?.getTime() ?? Number.NEGATIVE_INFINITY;
  const today: DaySummary = { attempts: 0, modelCalls: 0, costUsd: 0, unpricedCalls: 0, passes: 0, fails: 0 };
  const total = { challenges: 0, attempts: 0, passes: 0, fails: 0, costUsd: 0 };
  const all: LedgerRecord[] = [];

  for (const record of records) {
    all.push(record);
    const isToday = new Date(record.ts).toISOString().slice(0, 10) === day;
    const counted = Date.parse(record.ts) >= sinceMs;
    switch (record.kind) {
      case 'challenge':
        if (counted) total.challenges++;
        break;
      case 'attempt':
        if (counted) total.attempts++;
        if (isToday) today.attempts++;
        break;
      case 'feedback': {
        const key = record.pass ? 'passes' : 'fails';
        if (counted) total[key]++;
        if (isToday) today[key]++;
        break;
      }
      case 'model_call':
        if (counted) total.costUsd += record.costUsd ?? 0;
        if (isToday) {
          today.modelCalls++;
          today.costUsd += record.costUsd ?? 0;
          if (record.costUsd === null) today.unpricedCalls++;
        }
        break;
      default:
        break;
    }
  }

  const receipts = Object.fromEntries(receiptStateNames.map((s) => [s, 0])) as Record<ReceiptStateName, number>;
  const credits = new Map<string, { confirmed: number; creditsEarned: bigint; withoutCredits: number }>();
  for (const receipt of receiptStates(all).values()) {
    if (Date.parse(receipt.signedAt) < sinceMs) continue;
    receipts[receipt.state]++;
    if (receipt.state !== 'confirmed') continue;
    const epoch = credits.get(receipt.epochId) ?? { confirmed: 0, creditsEarned: 0n, withoutCredits: 0 };
    epoch.confirmed++;
    if (receipt.creditsEarned === undefined) epoch.withoutCredits++;
    else epoch.creditsEarned += BigInt(receipt.creditsEarned);
    credits.set(receipt.epochId, epoch);
  }

  const decided = total.passes + total.fails;
  return {
    day,
    since: since ? since.toISOString() : null,
    today: { ...today, costUsd: usd(today.costUsd) },
    challenges: total.challenges,
    attempts: total.attempts,
    passes: total.passes,
    fails: total.fails,
    passRate: decided === 0 ? null : total.passes / decided,
    costUsd: usd(total.costUsd),
    receipts,
    creditsByEpoch: Object.fromEntries(
      [...credits.entries()]
        .sort(([a], [b]) => (BigInt(a) < BigInt(b) ? -1 : 1))
        .map(([epoch, c]) => [epoch, { confirmed: c.confirmed, creditsEarned: c.creditsEarned.toString(), withoutCredits: c.withoutCredits }]),
    ),
  };
}

/** Micro-dollar rounding: sums of float prices otherwise show as 0.30000000000000004. */
function usd(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
