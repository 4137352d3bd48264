/**
 * Receipt records folded into each receipt's current state. A receipt's life:
 *
 *   (new) → signed → broadcast → confirmed | reverted | dropped
 *                                dropped → broadcast   (re-broadcast, or a re-signed replacement)
 *           signed → dropped                           (abandoned unsent: e.g. its epoch ended
 *                                                       or its chain position was taken while the
 *                                                       miner was down, so the simulation fails)
 *
 * `signed → dropped` goes beyond the minimal chain on purpose: without it a receipt that can no
 * longer be sent would stay "in flight" forever and block its rig. After a crash between
 * broadcast and the `broadcast` record, recovery records `broadcast` (the stored txHash) and
 * then what the chain says, so the history stays a legal path.
 */
import { MinerError } from '../errors.js';
import type { LedgerRecord, LedgerTransaction, Lane, ReceiptRecord, ReceiptStateName } from './records.js';

const transitions: Record<ReceiptStateName | 'new', readonly ReceiptStateName[]> = {
  new: ['signed'],
  signed: ['broadcast', 'dropped'],
  broadcast: ['confirmed', 'reverted', 'dropped'],
  dropped: ['broadcast'],
  confirmed: [],
  reverted: [],
};

/** A receipt as it stands now: the signed facts plus what later records added. */
export interface ReceiptView {
  receiptId: string;
  state: ReceiptStateName;
  lane: Lane;
  rigId?: string;
  miner: string;
  epochId: string;
  solveIndex: string;
  challengeId: string;
  receipt: Record<string, unknown>;
  signature?: string;
  transaction: LedgerTransaction;
  /** The signed transaction last sent (or to send): re-broadcasting re-sends exactly these bytes. */
  rawTransaction: string;
  txHash: string;
  txNonce?: number;
  blockNumber?: string;
  creditsEarned?: string;
  revertError?: string;
  dropReason?: string;
  signedAt: string;
  updatedAt: string;
  /** Every record of this receipt, oldest first. */
  history: ReceiptRecord[];
}

export function canTransition(from: ReceiptStateName | undefined, to: ReceiptStateName): boolean {
  return transitions[from ?? 'new'].includes(to);
}

/**
 * Folds one receipt record into `states` (mutating it) and returns the receipt's new view.
 * Throws, leaving `states` unchanged, if the record is not a legal next step: call it before
 * appending a receipt record to refuse an illegal one.
 */
export function applyReceipt(states: Map<string, ReceiptView>, record: ReceiptRecord): ReceiptView {
  const current = states.get(record.receiptId);
  if (!canTransition(current?.state, record.state)) {
    const path = current ? current.history.map((r) => r.state).join(' → ') : '(none)';
    throw new MinerError('UNEXPECTED', `Receipt ${record.receiptId} cannot go from ${current?.state ?? 'nothing'} to ${record.state}.`, {
      details: `recorded so far: ${path}`,
      hint: `Legal steps: signed → broadcast → confirmed | reverted | dropped, dropped → broadcast, signed → dropped. This is a bug in the miner (or two miners shared a wallet); please report it.`,
    });
  }
  const next = current ? advance(current, record) : start(record);
  states.set(record.receiptId, next);
  return next;
}

/** Every receipt's current state, keyed by receiptId, from the ledger's records in order. */
export function receiptStates(records: Iterable<LedgerRecord>): Map<string, ReceiptView> {
  const states = new Map<string, ReceiptView>();
  for (const record of records) if (record.kind === 'receipt') applyReceipt(states, record);
  return states;
}

/** Receipts signed or broadcast but not settled: what the miner confirms or re-broadcasts on start. */
export function inFlight(records: Iterable<LedgerRecord>): ReceiptView[] {
  return [...receiptStates(records).values()].filter((r) => r.state === 'signed' || r.state === 'broadcast');
}

function start(record: ReceiptRecord): ReceiptView {
  // canTransition admits only `signed` here; the check narrows the record's type.
  if (record.state !== 'signed') throw new TypeError('start: only a signed record starts a receipt');
  const { receiptId, lane, rigId, miner, epochId, solveIndex, challengeId, receipt, signature, transaction, rawTransaction, txHash, txNonce } = record;
  return {
    receiptId,
    state: 'signed',
    lane,
    ...(rigId === undefined ? {} : { rigId }),
    miner,
    epochId,
    solveIndex,
    challengeId,
    receipt,
    ...(signature === undefined ? {} : { signature }),
    transaction,
    rawTransaction,
    txHash,
    ...(txNonce === undefined ? {} : { txNonce }),
    signedAt: record.ts,
    updatedAt: record.ts,
    history: [record],
  };
}

function advance(current: ReceiptView, record: ReceiptRecord): ReceiptView {
  const next: ReceiptView = { ...current, state: record.state, updatedAt: record.ts, history: [...current.history, record] };
  switch (record.state) {
    case 'broadcast':
      next.txHash = record.txHash;
      if (record.rawTransaction) next.rawTransaction = record.rawTransaction;
      break;
    case 'confirmed':
      next.txHash = record.txHash;
      next.blockNumber = record.blockNumber;
      if (record.creditsEarned !== undefined) next.creditsEarned = record.creditsEarned;
      break;
    case 'reverted':
      next.txHash = record.txHash;
      if (record.blockNumber !== undefined) next.blockNumber = record.blockNumber;
      next.revertError = record.revertError;
      break;
    case 'dropped':
      if (record.txHash) next.txHash = record.txHash;
      next.dropReason = record.reason;
      break;
  }
  return next;
}
