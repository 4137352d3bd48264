/**
 * Crash recovery (spec/miner.md "Receipts and the ledger"), run by `mine` before any new send
 * and by `receipts retry` on demand, under the wallet's miner lock (so exactly once):
 *
 * 1. Every receipt in flight (`signed` or `broadcast`) is looked up on chain: mined → its
 *    outcome is recorded; in the node's pool → waited for; unknown to the node → the recorded
 *    signed bytes are re-broadcast (never re-signed: same hash, same nonce, so it can land at
 *    most once) and waited for; its nonce taken by another transaction → `dropped`.
 * 2. A pass whose receipt the coordinator returned but which was never signed (a crash between
 *    the feedback record and signing) is guarded, signed and sent if the guard's simulation
 *    says it is still valid; otherwise it is recorded as dropped (an `error` record with code
 *    UNSIGNED_PASS_DROPPED, since a receipt that was never signed has no receipt record) with
 *    the reason.
 */
import type { Hash } from 'viem';
import { rebroadcast } from '../chain/broadcast/broadcast.js';
import { receiptStatus } from '../chain/broadcast/status.js';
import { isMinerError } from '../errors.js';
import { inFlight, type ChallengeRecord, type FeedbackRecord, type LedgerRecord, type ReceiptView } from '../ledger/index.js';
import type { UntrustedTransaction } from '../protocol/index.js';
import type { EventSink } from './events.js';
import { confirmReceipt, settlePass, StaleReceiptError, UNSIGNED_PASS_DROPPED, type SettledReceipt } from './receipt-flow.js';
import { Reporter } from './reporter.js';
import type { MinerSession } from './session.js';

export interface RecoveryReport {
  /** In-flight receipts found, and how each ended up. */
  inFlight: number;
  settled: Array<{ receiptId: string; action: 'already-mined' | 'waited' | 'rebroadcast' | 'nonce-used'; state: string; txHash: string }>;
  /** Passes that had never been signed. */
  unsigned: Array<{ challengeId: string; state: 'sent' | 'dropped'; receiptId?: string; reason?: string }>;
}


export async function recoverReceipts(session: MinerSession, options: { onEvent?: EventSink } = {}): Promise<RecoveryReport> {
  const records = await session.ledger.read();
  const report: RecoveryReport = { inFlight: 0, settled: [], unsigned: [] };
  for (const view of inFlight(records)) {
    report.inFlight++;
    const reporter = new Reporter({ lane: view.lane, ...(view.rigId === undefined ? {} : { rigId: view.rigId }) }, session.ledger, options.onEvent);
    report.settled.push(await settleInFlight(session, reporter, view));
  }
  for (const pass of unsignedPasses(records)) {
    report.unsigned.push(await sendUnsigned(session, options.onEvent, pass));
  }
  return report;
}

async function settleInFlight(session: MinerSession, reporter: Reporter, view: ReceiptView): Promise<RecoveryReport['settled'][number]> {
  const status = await receiptStatus(session.publicClient, view.txHash as Hash);
  let action: RecoveryReport['settled'][number]['action'] = status === 'confirmed' || status === 'reverted' ? 'already-mined' : 'waited';
  if (status === 'unknown') {
    const sent = await rebroadcast(session.publicClient, view.rawTransaction as `0x${string}`);
    if (sent.outcome === 'nonce-used') {
      const reason = 'never mined, and its nonce was used by another transaction (recovered after a restart)';
      await session.ledger.append({ kind: 'receipt', receiptId: view.receiptId, state: 'dropped', txHash: view.txHash, reason });
      reporter.emit({ type: 'receipt', receiptId: view.receiptId, state: 'dropped', challengeId: view.challengeId, txHash: view.txHash, reason, recovered: true });
      return { receiptId: view.receiptId, action: 'nonce-used', state: 'dropped', txHash: view.txHash };
    }
    action = sent.outcome === 'sent' ? 'rebroadcast' : 'waited';
  }
  // `signed → broadcast` first, so the history stays a legal path (ledger/receipts.ts).
  if (view.state === 'signed') {
    await session.ledger.append({ kind: 'receipt', receiptId: view.receiptId, state: 'broadcast', txHash: view.txHash });
    reporter.emit({ type: 'receipt', receiptId: view.receiptId, state: 'broadcast', challengeId: view.challengeId, txHash: view.txHash, recovered: true });
  }
  const settled = await confirmReceipt(session, reporter, {
    receiptId: view.receiptId,
    txHash: view.txHash,
    raw: view.rawTransaction,
    ...(view.txNonce === undefined ? {} : { nonce: view.txNonce }),
    challengeId: view.challengeId,
    recovered: true,
  });
  return { receiptId: view.receiptId, action, state: settled.state, txHash: settled.txHash };
}

interface UnsignedPass {
  challenge: ChallengeRecord;
  feedback: FeedbackRecord;
  receipt: Record<string, unknown>;
  signature?: string;
  transaction: UntrustedTransaction;
}

/** Passes with a receipt and transaction in their feedback, no receipt record, and no recorded drop. */
function unsignedPasses(records: readonly LedgerRecord[]): UnsignedPass[] {
  const challenges = new Map<string, ChallengeRecord>();
  const receipted = new Set<string>();
  const dropped = new Set<string>();
  for (const r of records) {
    if (r.kind === 'challenge') challenges.set(r.challengeId, r);
    if (r.kind === 'receipt' && r.state === 'signed') receipted.add(r.challengeId);
    if (r.kind === 'error' && r.code === UNSIGNED_PASS_DROPPED && r.challengeId) dropped.add(r.challengeId);
  }
  const passes: UnsignedPass[] = [];
  for (const r of records) {
    if (r.kind !== 'feedback' || !r.pass || receipted.has(r.challengeId) || dropped.has(r.challengeId)) continue;
    const challenge = challenges.get(r.challengeId);
    const raw = (r.raw ?? {}) as Record<string, unknown>;
    const receipt = raw.receipt;
    const transaction = raw.transaction;
    if (!challenge || typeof receipt !== 'object' || receipt === null || typeof transaction !== 'object' || transaction === null) continue;
    receipted.add(r.challengeId); // one per challenge, even if the pass was recorded twice
    passes.push({
      challenge,
      feedback: r,
      receipt: receipt as Record<string, unknown>,
      ...(typeof raw.signature === 'string' ? { signature: raw.signature } : {}),
      transaction: transaction as UntrustedTransaction,
    });
  }
  return passes;
}

async function sendUnsigned(session: MinerSession, sink: EventSink | undefined, pass: UnsignedPass): Promise<RecoveryReport['unsigned'][number]> {
  const { challenge } = pass;
  const reporter = new Reporter({ lane: challenge.lane, ...(challenge.rigId === undefined ? {} : { rigId: challenge.rigId }) }, session.ledger, sink);
  let settled: SettledReceipt;
  try {
    settled = await settlePass(session, reporter, {
      challengeId: challenge.challengeId,
      receipt: pass.receipt,
      ...(pass.signature ? { signature: pass.signature } : {}),
      transaction: pass.transaction,
      ...(challenge.epochId === undefined ? {} : { epochId: challenge.epochId }),
      ...(challenge.solveIndex === undefined ? {} : { solveIndex: challenge.solveIndex }),
    });
  } catch (error) {
    // No longer valid (epoch over, cursor moved, refused): record why, once, and move on.
    if (!isMinerError(error) || (error.code !== 'GUARD_REFUSED' && error.code !== 'TX_REJECTED')) throw error;
    // A stale receipt's drop was recorded by the guard step already.
    if (!(error instanceof StaleReceiptError)) await reporter.error('recovery', error, { challengeId: challenge.challengeId, fatal: false, code: UNSIGNED_PASS_DROPPED });
    return { challengeId: challenge.challengeId, state: 'dropped', reason: error.shortMessage };
  }
  return { challengeId: challenge.challengeId, state: 'sent', receiptId: settled.receiptId };
}
