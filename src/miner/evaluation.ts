/**
 * Paid feedback in the attempt loop (spec/market.md "Selection and reputation"): between a
 * rejected attempt and its retry (and, with `evaluateFirst`, on the first candidate before it is
 * submitted) the miner buys critiques from evaluators, hands them to the strategy, and — once the
 * coordinator has judged — records what the feedback was worth and updates reputation.
 *
 * Composition only: discovery, selection, budgets, payment, signature checks, ledger records and
 * reputation are the market library's (src/market). Decisions made here:
 * - The miner pays from its own wallet (the session's account signs the EIP-3009 authorization;
 *   it never pays gas). On the sandbox, `sandbox up --evaluators` gives the miner and the operator test USDC.
 * - Cards are discovered once per run; unreachable or invalid cards are reported and skipped.
 * - `auto` ranks the eligible cards by reputation per dollar and takes `count`; explicit URLs
 *   take every eligible card. Either way a card must offer the challenge's domain, be paid on
 *   the session's chain in its USDC and cost at most the per-evaluation limit.
 * - Evaluations run in parallel. A failed one costs nothing and is recorded; a CAP_REACHED stops
 *   consulting for the rest of the challenge, never the mining.
 */
import type { Address, LocalAccount } from 'viem';
import type { Challenge, Solution } from '../challenge/types.js';
import { isMinerError, MinerError } from '../errors.js';
import type { EvaluatorCard } from '../market/protocol/card.js';
import { buildFeedbackRequest } from '../market/protocol/feedback.js';
import { caip2, usdcOf } from '../market/protocol/networks.js';
import {
  discoverEvaluators,
  loadReputation,
  openBudget,
  openReputation,
  recordEvaluation,
  recordEvaluationOutcome,
  recordOutcome,
  requestEvaluation,
  selectEvaluators,
  type BudgetLimits,
  type EvaluationResult,
  type Outcome,
} from '../market/student/index.js';
import { solutionOutput } from './challenge-feedback.js';
import type { Reporter } from './reporter.js';
import type { MinerSession } from './session.js';

/** Defaults in USD (spec/market.md targets $0.001 per evaluation). */
export const DEFAULT_EVALUATION_LIMITS: BudgetLimits = { perEvaluation: '0.01', perChallenge: '0.05', perDay: '1.00' };
/** Evaluators consulted per round in `auto` mode. */
const DEFAULT_COUNT = 3;
/** A critique longer than this is cut: it is untrusted text going into a prompt. */
const MAX_CRITIQUE_CHARS = 1_500;

export interface EvaluationSettings {
  /** `auto` (the configured or sandbox card URLs, ranked) or explicit card URLs. */
  mode: 'auto' | 'explicit';
  urls: readonly string[];
  evaluateFirst?: boolean;
  limits?: Partial<BudgetLimits>;
  /** Evaluators per round in `auto` mode (default 3). */
  count?: number;
  /** Tie-break seed of the selection (default 0). */
  seed?: number;
  /** The USDC evaluators are paid in (default: Base's, Base Sepolia's, or the session's sandbox test USDC). */
  asset?: Address;
}

/** One bought feedback waiting for the coordinator's verdict. */
export interface PendingFeedback {
  card: EvaluatorCard;
  result: EvaluationResult;
  challengeId: string;
  attempt: number;
  /** What the evaluator judged (to tell whether that exact output reached the coordinator). */
  outputSha256: string;
}

export interface Consultation {
  critiques: string[];
  pending: PendingFeedback[];
  /** Some evaluator said the output fails. */
  anyFail: boolean;
}

export interface FeedbackMarket {
  readonly evaluateFirst: boolean;
  consult(reporter: Reporter, input: { challenge: Challenge; attempt: number; solution: Solution; prompt: string }): Promise<Consultation>;
  /**
   * Records what mining revealed for each pending feedback and updates reputation. `judged`:
   * the coordinator's verdicts on this challenge's submitted outputs, by `solutionDigest`.
   */
  settle(reporter: Reporter, pending: readonly PendingFeedback[], facts: { judged: ReadonlyMap<string, boolean>; nextAttemptPassed?: boolean }): Promise<void>;
}


interface Payment {
  network: string;
  asset: Address;
  account: LocalAccount;
}

/** The asset the session's chain pays evaluators in: the given one, Base's or Base Sepolia's USDC, or the sandbox test USDC. */
function paymentFor(session: MinerSession, asset: Address | undefined): Payment {
  const network = caip2(session.chainId);
  const account = session.account;
  if (asset) return { network, asset, account };
  if (session.chainId === 8453) return { network, asset: usdcOf('base').address, account };
  if (session.chainId === 84532) return { network, asset: usdcOf('base-sepolia').address, account };
  const sandboxUsdc = session.sandbox?.description.contracts.usdc;
  if (!sandboxUsdc) {
    throw new MinerError('CONFIG', `Paid feedback on chain ${session.chainId} has no known USDC.`, {
      hint: 'Mine with --sandbox, or on Base / Base Sepolia.',
    });
  }
  return { network, asset: usdcOf('sandbox', sandboxUsdc).address, account };
}

export function openFeedbackMarket(session: MinerSession, settings: EvaluationSettings, dataDir?: string): FeedbackMarket {
  if (settings.urls.length === 0) {
    throw new MinerError('CONFIG', 'No evaluator card URLs are configured.', {
      hint: 'Pass --evaluators <url,...>, set `evaluators` (BOTCOIN_EVALUATORS), or mine --sandbox with a sandbox that runs evaluators.',
    });
  }
  const payment = paymentFor(session, settings.asset);
  const state = { wallet: session.address, ...(dataDir ? { dir: dataDir } : {}) };
  const budget = openBudget({ ...state, limits: { ...DEFAULT_EVALUATION_LIMITS, ...settings.limits } });
  const reputation = openReputation(state);
  const maxPrice = settings.limits?.perEvaluation ?? DEFAULT_EVALUATION_LIMITS.perEvaluation;
  let discovery: Promise<EvaluatorCard[]> | undefined;
  /** Challenges whose payment budget ran out: no more consulting for them. */
  const capped = new Set<string>();
  const cards = (): Promise<EvaluatorCard[]> =>
    (discovery ??= discoverEvaluators(settings.urls).then(({ cards: found, problems }) => {
      for (const p of problems) session.notice(`evaluator ${p.url} skipped: ${p.message}`);
      return found;
    }));

  const consult: FeedbackMarket['consult'] = async (reporter, input) => {
    const { challenge, attempt, solution } = input;
    const empty: Consultation = { critiques: [], pending: [], anyFail: false };
    // Cards offer skills per domain: a challenge without one cannot be matched to an evaluator.
    if (!challenge.domain || capped.has(challenge.challengeId)) return empty;
    const all = await cards();
    const ranked = selectEvaluators(all, {
      domain: challenge.domain,
      network: payment.network,
      asset: payment.asset,
      maxPrice,
      count: settings.mode === 'auto' ? (settings.count ?? DEFAULT_COUNT) : all.length,
      reputation: await loadReputation(reputation),
      seed: settings.seed ?? 0,
    });
    const request = buildFeedbackRequest({
      challengeId: challenge.challengeId,
      attempt,
      domain: challenge.domain,
      task: { prompt: input.prompt, context: challenge.raw },
      output: solutionOutput(solution),
    });
    const outcomes = await Promise.allSettled(
      ranked.map((r) => requestEvaluation(r.card, request, { account: payment.account, budget, policy: { allowedNetworks: [payment.network] } })),
    );
    const result: Consultation = { critiques: [], pending: [], anyFail: false };
    for (const [i, settled] of outcomes.entries()) {
      const { card } = ranked[i] as (typeof ranked)[number];
      const base = { challengeId: challenge.challengeId, attempt, evaluator: card.id, name: card.card.name, phase: 'feedback' as const };
      if (settled.status === 'rejected') {
        await recordEvaluation(session.ledger, { card, request, error: settled.reason });
        const code = isMinerError(settled.reason) ? settled.reason.code : 'UNEXPECTED';
        if (code === 'CAP_REACHED') capped.add(challenge.challengeId);
        reporter.emit({ type: 'evaluation', ...base, paid: false, error: code });
        continue;
      }
      const paid = settled.value;
      await recordEvaluation(session.ledger, { card, request, result: paid });
      const { feedback } = paid;
      reporter.emit({
        type: 'evaluation',
        ...base,
        paid: true,
        ...(feedback.verdict ? { verdict: feedback.verdict } : {}),
        reward: feedback.reward,
        confidence: feedback.confidence,
        priceUsd: card.terms.price,
        txHash: paid.receipt.transaction,
        latencyMs: feedback.latencyMs,
      });
      result.pending.push({ card, result: paid, challengeId: challenge.challengeId, attempt, outputSha256: request.outputSha256 });
      result.critiques.push(critiqueLine(card, paid));
      if (feedback.verdict === 'fail') result.anyFail = true;
    }
    return result;
  };

  const settle: FeedbackMarket['settle'] = async (reporter, pending, facts) => {
    for (const p of pending) {
      const { feedback } = p.result;
      // The coordinator judged what the evaluator judged only when that exact output was submitted.
      const verdict = facts.judged.get(p.outputSha256);
      const judged = verdict === undefined ? undefined : verdict ? 'pass' : 'fail';
      const outcome: Outcome = {
        ...(feedback.verdict ? { feedbackVerdict: feedback.verdict } : {}),
        confidence: feedback.confidence,
        ...(facts.nextAttemptPassed === undefined ? {} : { nextAttemptPassed: facts.nextAttemptPassed }),
        ...(judged === undefined ? {} : { coordinatorVerdict: judged }),
      };
      await recordOutcome(reputation, p.card.id, outcome);
      await recordEvaluationOutcome(session.ledger, { evaluationId: feedback.evaluationId, challengeId: p.challengeId, evaluatorId: p.card.id, outcome });
      reporter.emit({
        type: 'evaluation',
        challengeId: p.challengeId,
        attempt: p.attempt,
        evaluator: p.card.id,
        name: p.card.card.name,
        phase: 'outcome',
        paid: true,
        ...(feedback.verdict ? { verdict: feedback.verdict } : {}),
        ...(judged === undefined ? {} : { coordinatorVerdict: judged }),
        ...(facts.nextAttemptPassed === undefined ? {} : { nextAttemptPassed: facts.nextAttemptPassed }),
      });
    }
  };

  return { evaluateFirst: Boolean(settings.evaluateFirst), consult, settle };
}

/** One critique as the strategy receives it: who said it, its verdict, and what it found. */
function critiqueLine(card: EvaluatorCard, paid: EvaluationResult): string {
  const { feedback } = paid;
  const text = feedback.critique.length > MAX_CRITIQUE_CHARS ? `${feedback.critique.slice(0, MAX_CRITIQUE_CHARS)}…` : feedback.critique;
  return `${card.card.name} (${feedback.verdict ?? 'no verdict'}, confidence ${feedback.confidence.toFixed(2)}): ${text}`;
}


/** The sandbox's evaluator card URLs, for `--evaluators auto` when nothing is configured. */
export function sandboxEvaluatorUrls(session: MinerSession): string[] {
  const listed = (session.sandbox?.description.evaluators ?? []) as Array<{ url: string; cardUrl?: unknown }>;
  return listed.map((e) => (typeof e.cardUrl === 'string' ? e.cardUrl : e.url));
}

