/**
 * The miner's progress events, schema version 1. `mine` emits them through `onEvent`; the CLI
 * renders them as progress lines, and `mine --jsonl` prints each as one JSON line. Scripts
 * parse them, so the shape is stable: within `v: 1` fields are only ever added (optional), never
 * renamed or removed; big integers are decimal strings, as on the wire.
 *
 * Every event: `v` (1), `ts` (ISO-8601 UTC), `type`, `lane` (`wallet` | `rig`), `rigId`
 * (rig lane only). Per type:
 *
 * | type        | fields (`?` = optional)                                                                |
 * |-------------|----------------------------------------------------------------------------------------|
 * | challenge   | challengeId, epochId?, solveIndex?, domain?, expiresAtMs?                              |
 * | model_call  | challengeId, attempt, provider, model, promptTokens, completionTokens, costUsd (null =  |
 * |             | unknown price), latencyMs, error?                                                      |
 * | check       | challengeId, attempt, pass, constraintsPassed, constraintsTotal, traceValid, repairs,  |
 * |             | problems (one line each, empty on a pass)                                              |
 * | attempt     | challengeId, attempt, submitted (false in a dry run: what would have been submitted),  |
 * |             | artifact, wordCount                                                                    |
 * | verdict     | challengeId, attempt, pass, status? (rig terminal status), retryAllowed?,               |
 * |             | attemptsRemaining?, constraintsPassed?, constraintsTotal?, questionAnswersCorrect?,     |
 * |             | questionAnswersTotal?, questionAnswersRequired?                                        |
 * | receipt     | receiptId, state (signed, broadcast, confirmed, reverted, dropped), challengeId?,      |
 * |             | txHash?, blockNumber?, creditsEarned?, reason?, recovered (true when crash recovery    |
 * |             | or `receipts retry` settled it)                                                        |
 * | error       | code (a MinerError code, or ABANDONED / VOIDED / WAIT for routine outcomes), message,  |
 * |             | fatal (true when it ends the run), challengeId?, hint?                                 |
 * | evaluation  | challengeId, attempt (the attempt judged), evaluator (id), name, phase (`feedback`:     |
 * |             | bought or failed; `outcome`: what mining revealed), paid, verdict?, reward?,           |
 * |             | confidence?, priceUsd?, txHash?, latencyMs?, error? (code), coordinatorVerdict?,       |
 * |             | nextAttemptPassed?                                                                     |
 */
import type { ReceiptStateName } from '../ledger/records.js';

export const MINER_EVENT_VERSION = 1;

export type MinerLane = 'wallet' | 'rig';

interface EventBase {
  v: typeof MINER_EVENT_VERSION;
  ts: string;
  lane: MinerLane;
  rigId?: string;
}

export interface ChallengeEvent extends EventBase {
  type: 'challenge';
  challengeId: string;
  epochId?: string;
  solveIndex?: string;
  domain?: string;
  expiresAtMs?: number;
}

export interface ModelCallEvent extends EventBase {
  type: 'model_call';
  challengeId: string;
  attempt: number;
  provider: string;
  model: string;
  promptTokens: number;
  completionTokens: number;
  costUsd: number | null;
  latencyMs: number;
  error?: string;
}

export interface CheckEvent extends EventBase {
  type: 'check';
  challengeId: string;
  attempt: number;
  pass: boolean;
  constraintsPassed: number;
  constraintsTotal: number;
  traceValid: boolean;
  repairs: number;
  problems: string[];
}

export interface AttemptEvent extends EventBase {
  type: 'attempt';
  challengeId: string;
  attempt: number;
  submitted: boolean;
  artifact: string;
  wordCount: number;
}

export interface VerdictEvent extends EventBase {
  type: 'verdict';
  challengeId: string;
  attempt: number;
  pass: boolean;
  status?: string;
  retryAllowed?: boolean;
  attemptsRemaining?: number;
  constraintsPassed?: number;
  constraintsTotal?: number;
  questionAnswersCorrect?: number;
  questionAnswersTotal?: number;
  questionAnswersRequired?: number;
}

export interface ReceiptEvent extends EventBase {
  type: 'receipt';
  receiptId: string;
  state: ReceiptStateName;
  challengeId?: string;
  txHash?: string;
  blockNumber?: string;
  creditsEarned?: string;
  reason?: string;
  recovered: boolean;
}

export interface ErrorEvent extends EventBase {
  type: 'error';
  code: string;
  message: string;
  fatal: boolean;
  challengeId?: string;
  hint?: string;
}

/** Paid feedback (spec/market.md): one per evaluator consulted, and one when its outcome is known. */
export interface EvaluationEvent extends EventBase {
  type: 'evaluation';
  challengeId: string;
  attempt: number;
  evaluator: string;
  name: string;
  phase: 'feedback' | 'outcome';
  paid: boolean;
  verdict?: 'pass' | 'fail' | 'unsure';
  reward?: number;
  confidence?: number;
  priceUsd?: string;
  txHash?: string;
  latencyMs?: number;
  error?: string;
  coordinatorVerdict?: 'pass' | 'fail';
  nextAttemptPassed?: boolean;
}

export type MinerEvent = ChallengeEvent | ModelCallEvent | CheckEvent | AttemptEvent | VerdictEvent | ReceiptEvent | ErrorEvent | EvaluationEvent;
export type MinerEventType = MinerEvent['type'];

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** What emitters hand over: `v` and `ts` are stamped by `stampEvent`. */
export type MinerEventInput = DistributiveOmit<MinerEvent, 'v' | 'ts'>;

export type EventSink = (event: MinerEvent) => void;

export function stampEvent(input: MinerEventInput, now: Date = new Date()): MinerEvent {
  return { v: MINER_EVENT_VERSION, ts: now.toISOString(), ...input } as MinerEvent;
}
