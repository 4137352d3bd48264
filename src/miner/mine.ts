/**
 * mine: N challenges, parallel across rigs and serial within a rig (a rig's receipt is confirmed
 * before its next challenge; the wallet lane is one serial slot, its challenges being bound to
 * the wallet's receipt cursor too). All slots share the session's nonce allocator, rate-limit
 * gate and cap counters.
 *
 * - Crash recovery runs first (recovery.ts): in-flight receipts are settled before any new send.
 * - `count` is the number of challenges taken to an end — settled (a receipt), unsolved after
 *   its attempts, or abandoned by the local check. Voided work (stale, cursor moved, epoch
 *   change) does not count: the slot fetches fresh work.
 * - A fatal error in one slot (guard refusal, cap reached, a refusal that needs a human) stops
 *   every slot after its current challenge, and is rethrown once all have stopped.
 * - `dryRun`: every slot fetches, solves and checks one challenge at a time and reports what it
 *   would submit; nothing is submitted, signed or sent, and recovery does not run (it sends).
 */
import { MinerError } from '../errors.js';
import type { SolveStrategy, StrategyName } from '../solver/strategy.js';
import { runChallenge, type ChallengeOutcome } from './attempt-loop.js';
import { CapGuard, type DailyCaps } from './caps.js';
import type { FeedbackMarket } from './evaluation.js';
import type { EventSink, MinerLane } from './events.js';
import { recoverReceipts, type RecoveryReport } from './recovery.js';
import { Reporter, type Slot } from './reporter.js';
import type { MinerSession } from './session.js';

export interface MineOptions {
  /** Challenges to take to an end (default 1). */
  count?: number;
  /** Rigs to mine (rig lane); default the session's. */
  rigs?: readonly string[];
  /** Default the session's lane. */
  lane?: MinerLane;
  /** Default the session's strategy. */
  strategy?: SolveStrategy | StrategyName;
  caps?: DailyCaps;
  dryRun?: boolean;
  /** Paid feedback from evaluators (evaluation.ts, `openFeedbackMarket`); none by default. */
  feedback?: FeedbackMarket;
  onEvent?: EventSink;
  signal?: AbortSignal;
}

export interface ChallengeResult {
  lane: MinerLane;
  rigId?: string;
  challengeId: string;
  outcome: ChallengeOutcome['kind'] | 'confirmed' | 'reverted' | 'dropped';
  attempts: number;
  receiptId?: string;
  txHash?: string;
  creditsEarned?: string;
  reason?: string;
  /** Dry run: what would have been submitted. */
  solution?: { artifact: string; submittedAnswers: Record<string, string>; traceSteps: number };
}

export interface MineSummary {
  lane: MinerLane;
  rigs: string[];
  dryRun: boolean;
  requested: number;
  challenges: number;
  confirmed: number;
  unsolved: number;
  abandoned: number;
  voided: number;
  reverted: number;
  dropped: number;
  attempts: number;
  creditsEarned: string;
  recovery: RecoveryReport | null;
  results: ChallengeResult[];
}

/** Voided work is routine, but endless voiding is not: give up after this many per requested challenge. */
const MAX_VOIDS_PER_CHALLENGE = 5;

export async function mine(session: MinerSession, options: MineOptions = {}): Promise<MineSummary> {
  const lane = options.lane ?? session.lane;
  const rigs = lane === 'rig' ? [...(options.rigs ?? session.rigs)] : [];
  if (lane !== session.lane) {
    throw new MinerError('BAD_USAGE', `This session was opened for the ${session.lane} lane, not the ${lane} lane.`, { hint: 'Open the session with the lane you mine.' });
  }
  if (lane === 'rig' && rigs.length === 0) throw new MinerError('BAD_USAGE', 'The rig lane needs at least one rig id.', { hint: 'Pass --rigs 1,2,3, or set RIG_ID.' });
  const count = options.count ?? 1;
  if (!Number.isSafeInteger(count) || count < 1) throw new MinerError('BAD_USAGE', `--count must be a positive integer; got ${count}.`);
  const strategy = await resolveStrategy(session, options.strategy);
  const sink = options.onEvent ?? (() => {});
  const dryRun = Boolean(options.dryRun);

  const recovery = dryRun ? null : await recoverReceipts(session, { onEvent: sink });
  const caps = new CapGuard(session.ledger, options.caps ?? {});
  const summary: MineSummary = {
    lane, rigs, dryRun, requested: count, challenges: 0, confirmed: 0, unsolved: 0, abandoned: 0, voided: 0, reverted: 0, dropped: 0, attempts: 0, creditsEarned: '0', recovery, results: [],
  };
  let tickets = count;
  let voidBudget = count * MAX_VOIDS_PER_CHALLENGE;
  let failure: unknown;
  const stopped = (): boolean => failure !== undefined || Boolean(options.signal?.aborted);

  const runSlot = async (slot: Slot): Promise<void> => {
    const reporter = new Reporter(slot, session.ledger, sink);
    while (tickets > 0 && !stopped()) {
      tickets--;
      let outcome: ChallengeOutcome;
      try {
        outcome = await runChallenge(session, reporter, {
          strategy,
          dryRun,
          ...(options.feedback ? { feedback: options.feedback } : {}),
          ...(options.signal ? { signal: options.signal } : {}),
          beforeAttempt: () => caps.check({ attempts: !dryRun }),
          onCost: (usd) => caps.recordCost(usd),
          onAttemptSpent: () => {
            caps.recordAttempt();
            summary.attempts++;
          },
        });
      } catch (error) {
        failure ??= error;
        if (!isRecorded(error)) await reporter.error('mine', error, { fatal: true }).catch(() => {});
        return;
      }
      if (outcome.kind === 'voided') {
        summary.voided++;
        tickets++;
        if (--voidBudget <= 0) {
          failure ??= new MinerError('COORDINATOR_UNAVAILABLE', `The coordinator voided work ${count * MAX_VOIDS_PER_CHALLENGE} times; stopping.`, {
            hint: 'The epoch or the rigs\' authorization may be changing; check `botcoin-miner epoch` and `botcoin-miner rig`, then mine again.',
          });
        }
        continue;
      }
      tally(summary, slot, outcome);
    }
  };

  const slots: Slot[] = lane === 'rig' ? rigs.map((rigId) => ({ lane, rigId })) : [{ lane }];
  await Promise.all(slots.map(runSlot));
  if (failure !== undefined) throw failure;
  options.signal?.throwIfAborted();
  return summary;
}

async function resolveStrategy(session: MinerSession, strategy: MineOptions['strategy']): Promise<SolveStrategy> {
  if (typeof strategy === 'object') return strategy;
  if (strategy === undefined && session.strategy) return session.strategy;
  const name = strategy ?? session.strategyName;
  if (name === 'agent') {
    throw new MinerError('BAD_USAGE', 'mine cannot use the agent strategy: there the calling agent is the model.', {
      hint: 'Use `challenge`, `solve --strategy agent` and `submit`, or mine with --strategy hybrid or llm.',
    });
  }
  const { createStrategy } = await import('../solver/index.js');
  return createStrategy(name);
}

function tally(summary: MineSummary, slot: Slot, outcome: Exclude<ChallengeOutcome, { kind: 'voided' }>): void {
  summary.challenges++;
  const base = { lane: slot.lane, ...(slot.rigId === undefined ? {} : { rigId: slot.rigId }), challengeId: outcome.challengeId };
  switch (outcome.kind) {
    case 'settled': {
      const { receipt } = outcome;
      const state = receipt.state === 'confirmed' || receipt.state === 'reverted' || receipt.state === 'dropped' ? receipt.state : 'settled';
      if (state === 'confirmed') summary.confirmed++;
      if (state === 'reverted') summary.reverted++;
      if (state === 'dropped') summary.dropped++;
      if (receipt.creditsEarned) summary.creditsEarned = (BigInt(summary.creditsEarned) + BigInt(receipt.creditsEarned)).toString();
      summary.results.push({
        ...base,
        outcome: state,
        attempts: outcome.attempts,
        receiptId: receipt.receiptId,
        txHash: receipt.txHash,
        ...(receipt.creditsEarned ? { creditsEarned: receipt.creditsEarned } : {}),
        ...(receipt.reason ? { reason: receipt.reason } : {}),
      });
      return;
    }
    case 'unsolved':
    case 'abandoned':
      summary[outcome.kind]++;
      summary.results.push({ ...base, outcome: outcome.kind, attempts: outcome.attempts, reason: outcome.reason });
      return;
    case 'dry_run':
      summary.results.push({
        ...base,
        outcome: 'dry_run',
        attempts: 0,
        solution: { artifact: outcome.solution.artifact, submittedAnswers: outcome.solution.submittedAnswers, traceSteps: outcome.solution.reasoningTrace.length },
      });
      return;
  }
}

/** Guard refusals are recorded where they happen (receipt-flow.ts); do not record them twice. */
function isRecorded(error: unknown): boolean {
  return error instanceof MinerError && error.code === 'GUARD_REFUSED';
}
