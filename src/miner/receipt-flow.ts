/**
 * A pass's receipt, from the coordinator's untrusted transaction to a settled ledger state:
 * guard → sign → `signed` record synced to disk → broadcast → `broadcast` record → wait →
 * `confirmed` | `reverted` | `dropped`. Nothing is signed unless the guard accepts it, and
 * nothing is broadcast before its signed bytes are durable in the ledger, so a crash at any point
 * leaves either nothing to do or a receipt that recovery can finish (recovery.ts).
 */
import { getAddress, isAddress, type Address, type Hash } from 'viem';
import { rebroadcast } from '../chain/broadcast/broadcast.js';
import { waitForConfirmation, type ConfirmationResult } from '../chain/broadcast/confirm.js';
import { sendGuarded } from '../chain/broadcast/send.js';
import { botcoinMiningAbi } from '../chain/abis/index.js';
import { describeRevert, guardTransaction, SimulationRevertedError, type GuardedTransaction, type GuardExpectation } from '../chain/guard/index.js';
import { findAllowed } from '../protocol/skill/allow-list.js';
import { isMinerError, MinerError } from '../errors.js';
import { receiptIdOf, type ReceiptStateName } from '../ledger/index.js';
import type { UntrustedTransaction } from '../protocol/index.js';
import { crashPoint } from './crash-point.js';
import type { Reporter } from './reporter.js';
import type { MinerSession } from './session.js';

/** What a pass hands over: the coordinator's receipt and transaction, plus what we know of the challenge. */
export interface PassReceipt {
  challengeId: string;
  receipt: Record<string, unknown>;
  signature?: string;
  transaction: UntrustedTransaction;
  /** The challenge's position, used when the calldata cannot be decoded (opaque rig receipts). */
  epochId?: string;
  solveIndex?: string;
}

export interface SettledReceipt {
  receiptId: string;
  state: ReceiptStateName;
  txHash: string;
  blockNumber?: string;
  creditsEarned?: string;
  reason?: string;
}

/** Guards, signs, records, broadcasts and confirms one receipt. Guard refusals are recorded and rethrown (exit 6). */
export async function settlePass(session: MinerSession, reporter: Reporter, pass: PassReceipt): Promise<SettledReceipt> {
  const guarded = await guardPass(session, reporter, pass);
  const position = receiptPosition(guarded, pass);
  const receiptId = receiptIdOf({ lane: reporter.slot.lane, ...rigOf(reporter), miner: session.address, ...position });
  const signed = await sendGuarded(session.walletClient, session.publicClient, guarded, {
    nonces: session.nonces,
    beforeBroadcast: async (tx) => {
      await session.ledger.appendDurable({
        kind: 'receipt',
        receiptId,
        state: 'signed',
        lane: reporter.slot.lane,
        ...rigOf(reporter),
        miner: session.address,
        ...position,
        challengeId: pass.challengeId,
        receipt: pass.receipt,
        ...(pass.signature && /^0x([0-9a-fA-F]{2})*$/.test(pass.signature) ? { signature: pass.signature } : {}),
        transaction: { to: guarded.to, chainId: guarded.chainId, value: '0', data: guarded.data },
        rawTransaction: tx.raw,
        txHash: tx.hash,
        txNonce: tx.nonce,
      });
      reporter.emit({ type: 'receipt', receiptId, state: 'signed', challengeId: pass.challengeId, txHash: tx.hash, recovered: false });
      crashPoint('after-signed');
    },
  }).catch(async (error: unknown) => {
    await recordSendFailure(session, reporter, receiptId, error);
    throw error;
  });
  await session.ledger.append({ kind: 'receipt', receiptId, state: 'broadcast', txHash: signed.hash });
  reporter.emit({ type: 'receipt', receiptId, state: 'broadcast', challengeId: pass.challengeId, txHash: signed.hash, recovered: false });
  return confirmReceipt(session, reporter, { receiptId, txHash: signed.hash, raw: signed.raw, nonce: signed.nonce, challengeId: pass.challengeId, recovered: false });
}

/** The expectation for this lane; a guard refusal is recorded in the ledger (an `error` record) before it is rethrown. */
export async function guardPass(session: MinerSession, reporter: Reporter, pass: PassReceipt): Promise<GuardedTransaction> {
  try {
    return await guardTransaction(session.publicClient, pass.transaction, expectationFor(session, reporter, pass), {
      allowList: session.allowList,
      sender: session.address,
    });
  } catch (error) {
    if (!isMinerError(error) || error.code !== 'GUARD_REFUSED') throw error;
    if (await wentStale(session, pass, error)) {
      await reporter.error('guard', error, { challengeId: pass.challengeId, fatal: false, code: UNSIGNED_PASS_DROPPED });
      throw new StaleReceiptError(error);
    }
    await reporter.error('guard', error, { challengeId: pass.challengeId, fatal: true });
    throw error;
  }
}

/**
 * A receipt that was ours but can no longer land: the epoch ended, or the wallet's / rig's
 * receipt chain moved, between the pass and the signing. Routine (fetch fresh work), not an
 * attack; it is still a guard refusal, so nothing was signed.
 */
export class StaleReceiptError extends MinerError {
  override name = 'StaleReceiptError';
  constructor(cause: MinerError) {
    super('GUARD_REFUSED', `${cause.shortMessage} The receipt went stale before it was signed.`, { hint: 'Nothing was signed; fetch fresh work.', cause });
  }
}

/** The `error` record code of a pass whose receipt was never signed and never will be (recovery skips it). */
export const UNSIGNED_PASS_DROPPED = 'UNSIGNED_PASS_DROPPED';

const STALE_REVERTS = new Set(['WrongEpoch', 'ChainMismatch', 'MissingEpochCommit']);

async function wentStale(session: MinerSession, pass: PassReceipt, error: MinerError): Promise<boolean> {
  if (error instanceof SimulationRevertedError) return STALE_REVERTS.has(error.revert.name);
  // The guard refuses a receipt for a past epoch before simulating: compare with the chain's epoch.
  if (pass.epochId === undefined || findAllowed(session.allowList, String(pass.transaction.to)) === undefined) return false;
  try {
    const current = (await session.publicClient.readContract({ address: pass.transaction.to, abi: botcoinMiningAbi, functionName: 'currentEpoch' })) as bigint;
    return current > BigInt(pass.epochId);
  } catch {
    return false;
  }
}

function expectationFor(session: MinerSession, reporter: Reporter, pass: PassReceipt): GuardExpectation {
  if (reporter.slot.lane === 'rig') {
    return {
      kind: 'receipt',
      lane: 'rig',
      rigId: BigInt(reporter.slot.rigId ?? '0'),
      operator: session.address,
      declared: { rigId: pass.receipt.rigId, operator: pass.receipt.operator },
    };
  }
  // The receipt names the miner it credits; the guard refuses one that is not the sending wallet.
  const named = pass.receipt.miner;
  if (named !== undefined && (typeof named !== 'string' || !isAddress(named, { strict: false }))) {
    throw new MinerError('GUARD_REFUSED', `Refusing to sign: the receipt's miner (${JSON.stringify(named).slice(0, 60)}) is not an address.`, {
      hint: 'Nothing was signed or sent. Check the coordinator URL and its skill file.',
    });
  }
  return { kind: 'receipt', lane: 'wallet', miner: named === undefined ? session.address : (getAddress(named) as Address) };
}

/** Epoch and solve index: decoded from the guarded calldata, else the receipt's, else the challenge's. */
function receiptPosition(guarded: GuardedTransaction, pass: PassReceipt): { epochId: string; solveIndex: string } {
  const pick = (key: 'epochId' | 'solveIndex'): string => {
    const decoded = guarded.args[key];
    if (typeof decoded === 'bigint') return decoded.toString();
    const declared = pass.receipt[key];
    if ((typeof declared === 'string' && /^\d+$/.test(declared)) || (typeof declared === 'number' && Number.isSafeInteger(declared))) return String(declared);
    const known = pass[key];
    if (known !== undefined) return known;
    throw new MinerError('INVALID_PAYLOAD', `The receipt for challenge ${pass.challengeId} has no ${key}.`, { hint: 'Nothing was signed; request fresh work.' });
  };
  return { epochId: pick('epochId'), solveIndex: pick('solveIndex') };
}

function rigOf(reporter: Reporter): { rigId?: string } {
  return reporter.slot.rigId === undefined ? {} : { rigId: reporter.slot.rigId };
}

/** A refused broadcast never reached a block: the signed receipt is dropped (its nonce was given back). */
async function recordSendFailure(session: MinerSession, reporter: Reporter, receiptId: string, error: unknown): Promise<void> {
  if (!isMinerError(error) || error.code !== 'TX_REJECTED') return;
  const signed = (await session.ledger.read({ kind: 'receipt' })).some((r) => r.kind === 'receipt' && r.receiptId === receiptId);
  if (!signed) return;
  await session.ledger.append({ kind: 'receipt', receiptId, state: 'dropped', reason: `the node refused the transaction: ${error.details ?? error.shortMessage}` });
  reporter.emit({ type: 'receipt', receiptId, state: 'dropped', reason: error.shortMessage, recovered: false });
}

export interface InFlightTx {
  receiptId: string;
  txHash: string;
  raw: string;
  nonce?: number;
  challengeId?: string;
  recovered: boolean;
}

/**
 * Waits for the broadcast transaction and records its outcome. A transaction still pending after
 * the timeout is re-broadcast once (same bytes) and waited for again; if it is still pending the
 * receipt stays `broadcast` and the error says to run `receipts retry` later.
 */
export async function confirmReceipt(session: MinerSession, reporter: Reporter, tx: InFlightTx): Promise<SettledReceipt> {
  const wait = (): Promise<ConfirmationResult> =>
    waitForConfirmation(session.publicClient, tx.txHash as Hash, {
      timeoutMs: session.confirmTimeoutMs,
      from: session.address,
      ...(tx.nonce === undefined ? {} : { nonce: tx.nonce }),
    });
  let result = await wait();
  if (result.status === 'pending') {
    await rebroadcast(session.publicClient, tx.raw as `0x${string}`);
    result = await wait();
  }
  const base = { receiptId: tx.receiptId, ...(tx.challengeId === undefined ? {} : { challengeId: tx.challengeId }), recovered: tx.recovered };
  switch (result.status) {
    case 'confirmed': {
      const creditsEarned = creditsOf(result);
      const blockNumber = result.blockNumber.toString();
      await session.ledger.append({ kind: 'receipt', receiptId: tx.receiptId, state: 'confirmed', txHash: result.hash, blockNumber, ...(creditsEarned ? { creditsEarned } : {}) });
      reporter.emit({ type: 'receipt', ...base, state: 'confirmed', txHash: result.hash, blockNumber, ...(creditsEarned ? { creditsEarned } : {}) });
      return { receiptId: tx.receiptId, state: 'confirmed', txHash: result.hash, blockNumber, ...(creditsEarned ? { creditsEarned } : {}) };
    }
    case 'reverted': {
      const revertError = describeRevert(result.error);
      const blockNumber = result.blockNumber.toString();
      await session.ledger.append({ kind: 'receipt', receiptId: tx.receiptId, state: 'reverted', txHash: result.hash, blockNumber, revertError });
      reporter.emit({ type: 'receipt', ...base, state: 'reverted', txHash: result.hash, blockNumber, reason: revertError });
      return { receiptId: tx.receiptId, state: 'reverted', txHash: result.hash, blockNumber, reason: revertError };
    }
    case 'dropped': {
      const reason = result.replacedBy ? `replaced by ${result.replacedBy}` : 'never mined, and its nonce was used by another transaction';
      await session.ledger.append({ kind: 'receipt', receiptId: tx.receiptId, state: 'dropped', txHash: result.hash, reason });
      reporter.emit({ type: 'receipt', ...base, state: 'dropped', txHash: result.hash, reason });
      return { receiptId: tx.receiptId, state: 'dropped', txHash: result.hash, reason };
    }
    case 'pending':
      throw new MinerError('CHAIN_UNAVAILABLE', `Receipt transaction ${tx.txHash} is still pending after ${Math.round((2 * session.confirmTimeoutMs) / 1000)} s.`, {
        hint: 'It stays in the ledger as broadcast; run `botcoin-miner receipts retry` later to confirm or re-broadcast it.',
      });
  }
}

function creditsOf(result: Extract<ConfirmationResult, { status: 'confirmed' }>): string | undefined {
  const event = result.events.find((e) => e.name === 'CreditAccepted' || e.name === 'RigCreditAccepted');
  const credits = event?.args.creditsEarned;
  return typeof credits === 'bigint' ? credits.toString() : undefined;
}
