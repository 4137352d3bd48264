/**
 * What the ledger already holds when `mine` starts: today's model spend and the confirmed credits
 * per epoch, per row, so the live view's "cost today" and "credits this epoch" count earlier runs
 * too (the same numbers `status` shows, from `summarize`). Read before the run starts: the engine
 * writes each record before it emits the event, so every later event is new to the baseline.
 */
import { inFlight, summarize, utcDayStart, type Ledger, type LedgerRecord } from '../../ledger/index.js';
import { noteEpoch, slotKey, type LiveState } from './rows.js';

/** Receipts need their whole history (summarize folds it); spend only today's calls and their challenges. */
export async function readBaseline(ledger: Ledger, now: Date): Promise<LedgerRecord[]> {
  const receipts = await ledger.read({ kind: 'receipt' });
  // A call just after midnight can belong to a challenge fetched just before it.
  const since = new Date(utcDayStart(now).getTime() - 86_400_000);
  const recent = await ledger.read({ kind: ['challenge', 'model_call'], since });
  return [...recent, ...receipts];
}

/** Adds the ledger's numbers to the state's rows; what belongs to no row is kept for the summary line. */
export function seedState(state: LiveState, records: readonly LedgerRecord[], now: Date): void {
  const slotOf = new Map<string, string>();
  for (const r of records) {
    if (r.kind === 'challenge') slotOf.set(r.challengeId, slotKey(r.rigId));
    if (r.kind === 'receipt' && r.state === 'signed') slotOf.set(r.receiptId, slotKey(r.rigId));
  }
  const groups = new Map<string, LedgerRecord[]>();
  for (const r of records) {
    const key = r.kind === 'receipt' ? slotOf.get(r.receiptId) : 'challengeId' in r && r.challengeId !== undefined ? slotOf.get(r.challengeId) : undefined;
    const group = key !== undefined && state.rows.has(key) ? key : '';
    const list = groups.get(group) ?? [];
    list.push(r);
    groups.set(group, list);
  }
  for (const [key, group] of groups) {
    const summary = summarize(group, { now });
    const credits = new Map(Object.entries(summary.creditsByEpoch).map(([epoch, c]) => [epoch, BigInt(c.creditsEarned)] as const));
    const row = state.rows.get(key);
    if (row) {
      row.costUsd += summary.today.costUsd;
      row.unpricedCalls += summary.today.unpricedCalls;
      row.creditsByEpoch = credits;
    } else {
      state.unattributedCostUsd += summary.today.costUsd;
      state.unattributedCredits = credits;
    }
    for (const epoch of credits.keys()) noteEpoch(state, epoch);
  }
  for (const r of records) {
    if (r.kind !== 'challenge' || r.epochId === undefined) continue;
    state.challengeEpochs.set(r.challengeId, r.epochId);
    noteEpoch(state, r.epochId);
  }
  for (const view of inFlight(records)) state.receiptEpochs.set(view.receiptId, view.epochId);
}
