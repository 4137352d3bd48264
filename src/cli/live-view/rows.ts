/**
 * The live view's state: one row per mining slot (a rig, or the wallet), folded from the engine's
 * events (src/miner/events.ts) on top of what the ledger already held when the run started
 * (baseline.ts). Credits are kept per epoch because "this epoch" is only known once a challenge
 * names it; cost is per UTC day because caps and `status` count spend that way.
 */
import type { MinerEvent } from '../../miner/events.js';

export type RigState =
  | 'starting'
  | 'solving'
  | 'checked'
  | 'submitted'
  | 'rejected'
  | 'signing'
  | 'broadcast'
  | 'confirmed'
  | 'reverted'
  | 'dropped'
  | 'abandoned'
  | 'voided'
  | 'waiting'
  | 'stopped'
  | 'done';

export interface Verdict {
  pass: boolean;
  constraints?: string;
  answers?: string;
}

export interface RigRow {
  /** `rig <id>` or `wallet`. */
  label: string;
  state: RigState;
  /** The attempt in progress or last made on the current challenge; undefined before the first. */
  attempt: number | undefined;
  challengeId: string | undefined;
  lastVerdict: Verdict | undefined;
  /** Confirmed credits per epoch (ledger baseline + this run). */
  creditsByEpoch: Map<string, bigint>;
  /** Model spend of `day` in USD (ledger baseline + this run); unpriced calls count 0. */
  costUsd: number;
  unpricedCalls: number;
  /** The last error's code, while the row shows it. */
  note: string | undefined;
}

export interface RunTotals {
  attempts: number;
  passes: number;
  rejections: number;
  confirmed: number;
  abandoned: number;
}

export interface LiveState {
  /** Rows in display order (slots first, as given; rigs seen only in events after them). */
  rows: Map<string, RigRow>;
  /** The newest epoch a challenge named (or the baseline's). */
  epochId: string | undefined;
  /** The UTC day (`YYYY-MM-DD`) the costs belong to. */
  day: string;
  /** Which epoch a challenge or an in-flight receipt belongs to, to book confirmed credits. */
  challengeEpochs: Map<string, string>;
  receiptEpochs: Map<string, string>;
  /** This run's counts, for the summary line. */
  totals: RunTotals;
  /** Today's spend the ledger holds outside the rows (other rigs, calls without a challenge). */
  unattributedCostUsd: number;
  unattributedCredits: Map<string, bigint>;
  finished: boolean;
}

/** `rig 7` for a rig slot, `wallet` for the wallet lane. */
export function slotKey(rigId: string | undefined): string {
  return rigId === undefined ? 'wallet' : `rig ${rigId}`;
}

function emptyRow(label: string): RigRow {
  return { label, state: 'starting', attempt: undefined, challengeId: undefined, lastVerdict: undefined, creditsByEpoch: new Map(), costUsd: 0, unpricedCalls: 0, note: undefined };
}

export function emptyState(slots: readonly string[], day: string): LiveState {
  return {
    rows: new Map(slots.map((key) => [key, emptyRow(key)])),
    epochId: undefined,
    day,
    challengeEpochs: new Map(),
    receiptEpochs: new Map(),
    totals: { attempts: 0, passes: 0, rejections: 0, confirmed: 0, abandoned: 0 },
    unattributedCostUsd: 0,
    unattributedCredits: new Map(),
    finished: false,
  };
}

/** Folds one event into `state` (mutating it), like ledger/receipts.ts applyReceipt. */
export function applyEvent(state: LiveState, event: MinerEvent): void {
  const row = rowFor(state, event.rigId);
  rollDay(state, event.ts);
  switch (event.type) {
    case 'challenge':
      row.state = 'solving';
      row.attempt = undefined;
      row.challengeId = event.challengeId;
      row.note = undefined;
      if (event.epochId !== undefined) {
        state.challengeEpochs.set(event.challengeId, event.epochId);
        noteEpoch(state, event.epochId);
      }
      return;
    case 'model_call':
      row.state = 'solving';
      row.attempt = event.attempt;
      if (event.costUsd === null) row.unpricedCalls++;
      else row.costUsd += event.costUsd;
      return;
    case 'check':
      row.attempt = event.attempt;
      row.state = event.pass ? 'checked' : 'solving';
      return;
    case 'attempt':
      row.attempt = event.attempt;
      row.state = 'submitted';
      if (event.submitted) state.totals.attempts++;
      return;
    case 'verdict':
      row.attempt = event.attempt;
      row.lastVerdict = verdictOf(event);
      row.state = event.pass ? 'signing' : 'rejected';
      state.totals[event.pass ? 'passes' : 'rejections']++;
      return;
    case 'receipt':
      applyReceipt(state, row, event);
      return;
    case 'error':
      row.note = event.code;
      if (event.code === 'ABANDONED') state.totals.abandoned++;
      row.state = event.fatal ? 'stopped' : event.code === 'ABANDONED' ? 'abandoned' : event.code === 'VOIDED' ? 'voided' : event.code === 'WAIT' ? 'waiting' : row.state;
      return;
    default:
      // Events this view does not show (e.g. paid-feedback evaluations) leave the rows as they are.
      return;
  }
}

/** Marks every row done once the run has returned. */
export function finish(state: LiveState): void {
  state.finished = true;
  for (const row of state.rows.values()) if (row.state !== 'stopped') row.state = 'done';
}

/** The current epoch is the newest one seen. */
export function noteEpoch(state: LiveState, epochId: string): void {
  if (state.epochId === undefined || BigInt(epochId) > BigInt(state.epochId)) state.epochId = epochId;
}

/** Credits of the current epoch for one row (0 before any epoch is known). */
export function epochCredits(state: LiveState, row: RigRow): bigint {
  return state.epochId === undefined ? 0n : (row.creditsByEpoch.get(state.epochId) ?? 0n);
}

function applyReceipt(state: LiveState, row: RigRow, event: Extract<MinerEvent, { type: 'receipt' }>): void {
  const own = !event.recovered;
  if (event.state === 'signed' || event.state === 'broadcast') {
    if (own) row.state = event.state === 'signed' ? 'signing' : 'broadcast';
    return;
  }
  if (own) row.state = event.state;
  if (event.state !== 'confirmed') return;
  if (own) state.totals.confirmed++;
  const epoch = (event.challengeId === undefined ? undefined : state.challengeEpochs.get(event.challengeId)) ?? state.receiptEpochs.get(event.receiptId);
  if (epoch === undefined || event.creditsEarned === undefined) return;
  row.creditsByEpoch.set(epoch, (row.creditsByEpoch.get(epoch) ?? 0n) + BigInt(event.creditsEarned));
}

function verdictOf(event: Extract<MinerEvent, { type: 'verdict' }>): Verdict {
  const ratio = (a: number | undefined, b: number | undefined): string | undefined => (a === undefined || b === undefined ? undefined : `${a}/${b}`);
  const constraints = ratio(event.constraintsPassed, event.constraintsTotal);
  const answers = ratio(event.questionAnswersCorrect, event.questionAnswersTotal);
  return { pass: event.pass, ...(constraints ? { constraints } : {}), ...(answers ? { answers } : {}) };
}

function rowFor(state: LiveState, rigId: string | undefined): RigRow {
  const key = slotKey(rigId);
  let row = state.rows.get(key);
  if (!row) {
    row = emptyRow(key);
    state.rows.set(key, row);
  }
  return row;
}

/** "Cost today" restarts at 00:00 UTC, as the caps do. */
function rollDay(state: LiveState, ts: string): void {
  const day = ts.slice(0, 10);
  if (day <= state.day) return;
  state.day = day;
  state.unattributedCostUsd = 0;
  for (const row of state.rows.values()) {
    row.costUsd = 0;
    row.unpricedCalls = 0;
  }
}
