/**
 * Spending limits for paid feedback: per evaluation, per challenge and per UTC day, tracked in
 * `<data dir>/market/<wallet>/budget.json` (`{version, day, spentToday, challenges}`, amounts in
 * micro-USD as decimal strings). A payment is *reserved* before anything is signed and
 * released only when it provably was not charged (refused, failed evaluation, failed
 * settlement); an outcome that is unknown (the connection dropped after the signature was
 * sent) stays counted, so a budget can under-spend but never over-spend.
 *
 * One miner process runs per wallet (the ledger's miner lock); within it, updates are serialised.
 */
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { formatUnits, parseUnits } from 'viem';
import { MinerError } from '../../errors.js';
import { writeJsonFile } from '../../io/json-file.js';
import { runSerially } from '../../ledger/queue.js';
import { marketDir, type MarketStateOptions } from './reputation-store.js';

/** Budget arithmetic is in micro-USD (USDC's 6 decimals). */
const USD_DECIMALS = 6;
/** Per-challenge entries are kept this many days (a challenge can straddle midnight). */
const KEEP_DAYS = 2;

export interface BudgetLimits {
  /** USD decimal strings, e.g. "0.002". */
  perEvaluation: string;
  perChallenge: string;
  perDay: string;
}

export interface Budget {
  file: string;
  limits: { perEvaluation: bigint; perChallenge: bigint; perDay: bigint };
}

interface BudgetState {
  version: 1;
  day: string;
  spentToday: string;
  challenges: Record<string, { spent: string; day: string }>;
}

export interface Reservation {
  amount: bigint;
  /** Gives the amount back (only when the payment was provably not charged). */
  release(): Promise<void>;
}

export function usdToMicro(usd: string, what: string): bigint {
  if (!/^\d+(\.\d{1,6})?$/.test(usd)) {
    throw new MinerError('BAD_USAGE', `Invalid ${what} "${usd}".`, { hint: 'Give a USD amount with at most 6 decimals, e.g. 0.01.' });
  }
  return parseUnits(usd, USD_DECIMALS);
}

export const microToUsd = (micro: bigint): string => formatUnits(micro, USD_DECIMALS);

/** Atomic token units of a USD stablecoin → micro-USD. */
export function tokenToMicro(amount: bigint, decimals: number): bigint {
  return decimals >= USD_DECIMALS ? amount / 10n ** BigInt(decimals - USD_DECIMALS) : amount * 10n ** BigInt(USD_DECIMALS - decimals);
}

export function openBudget(options: MarketStateOptions & { limits: BudgetLimits }): Budget {
  return {
    file: join(marketDir(options), 'budget.json'),
    limits: {
      perEvaluation: usdToMicro(options.limits.perEvaluation, 'per-evaluation budget'),
      perChallenge: usdToMicro(options.limits.perChallenge, 'per-challenge budget'),
      perDay: usdToMicro(options.limits.perDay, 'daily budget'),
    },
  };
}

const utcDay = (now: Date): string => now.toISOString().slice(0, 10);

async function readState(file: string, today: string): Promise<BudgetState> {
  let state: BudgetState | undefined;
  try {
    state = JSON.parse(await readFile(file, 'utf8')) as BudgetState;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new MinerError('INVALID_INPUT', `The budget file ${file} is unreadable.`, {
        hint: 'Fix or delete it; deleting resets today\'s counted spend (the ledger still has every payment).',
        cause: error,
      });
    }
  }
  const fresh: BudgetState = { version: 1, day: today, spentToday: '0', challenges: {} };
  if (!state) return fresh;
  const cutoff = utcDay(new Date(Date.parse(`${today}T00:00:00Z`) - KEEP_DAYS * 86_400_000));
  const challenges = Object.fromEntries(Object.entries(state.challenges ?? {}).filter(([, c]) => c.day > cutoff));
  return { version: 1, day: today, spentToday: state.day === today ? state.spentToday : '0', challenges };
}

export interface SpendSummary {
  day: string;
  spentToday: bigint;
  challenge: bigint;
}

export async function spending(budget: Budget, challengeId: string, now: Date = new Date()): Promise<SpendSummary> {
  const state = await readState(budget.file, utcDay(now));
  return { day: state.day, spentToday: BigInt(state.spentToday), challenge: BigInt(state.challenges[challengeId]?.spent ?? '0') };
}

function capError(what: string, limit: bigint, spent: bigint, amount: bigint): MinerError {
  return new MinerError('CAP_REACHED', `The ${what} budget for paid feedback is exhausted.`, {
    details: `limit ${microToUsd(limit)} USD, already spent ${microToUsd(spent)} USD, this evaluation costs ${microToUsd(amount)} USD`,
    hint: `Raise the ${what} budget, or continue without paid feedback.`,
  });
}

/** Counts `amount` (micro-USD) against every limit, or throws CAP_REACHED without counting anything. */
export function reserve(budget: Budget, challengeId: string, amount: bigint, now: Date = new Date()): Promise<Reservation> {
  return runSerially(budget.file, async () => {
    const state = await readState(budget.file, utcDay(now));
    const today = BigInt(state.spentToday);
    const forChallenge = BigInt(state.challenges[challengeId]?.spent ?? '0');
    if (amount > budget.limits.perEvaluation) throw capError('per-evaluation', budget.limits.perEvaluation, 0n, amount);
    if (forChallenge + amount > budget.limits.perChallenge) throw capError('per-challenge', budget.limits.perChallenge, forChallenge, amount);
    if (today + amount > budget.limits.perDay) throw capError('daily', budget.limits.perDay, today, amount);
    await writeState(budget.file, state, challengeId, amount);
    const day = state.day;
    let released = false;
    return {
      amount,
      release: () =>
        runSerially(budget.file, async () => {
          if (released) return;
          released = true;
          const current = await readState(budget.file, utcDay(new Date()));
          // A reservation from an earlier day no longer counts against today.
          if (current.day === day) await writeState(budget.file, current, challengeId, -amount);
        }),
    };
  });
}

async function writeState(file: string, state: BudgetState, challengeId: string, delta: bigint): Promise<void> {
  const clamp = (v: bigint): bigint => (v < 0n ? 0n : v);
  const entry = state.challenges[challengeId];
  const next: BudgetState = {
    ...state,
    spentToday: clamp(BigInt(state.spentToday) + delta).toString(),
    challenges: { ...state.challenges, [challengeId]: { spent: clamp(BigInt(entry?.spent ?? '0') + delta).toString(), day: state.day } },
  };
  await writeJsonFile(file, next, 0o600);
}
