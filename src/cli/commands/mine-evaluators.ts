/**
 * `mine`'s paid-feedback flags (spec/market.md, README "Paid feedback"): which evaluators to
 * consult and within which budgets. Paid feedback is opt-in per run (`--evaluators`); the miner
 * pays from its own wallet (it only signs EIP-3009 authorizations, never gas).
 */
import type { Command } from 'commander';
import { MinerError } from '../../errors.js';
import type { FeedbackMarket } from '../../miner/evaluation.js';
import type { MinerSession } from '../../miner/session.js';
import type { CommandContext } from '../context.js';

export interface EvaluatorFlags {
  evaluators?: string;
  evaluateFirst?: boolean;
  maxEvaluationPrice?: string;
  evaluationBudgetPerChallenge?: string;
  evaluationBudgetPerDay?: string;
}

export function addEvaluatorOptions(command: Command): Command {
  return command
    .option('--evaluators <auto|urls>', 'buy feedback between a rejected attempt and its retry: `auto` (the configured `evaluators`, else the sandbox\'s, ranked by earned reputation) or card URLs, comma-separated')
    .option('--evaluate-first', 'with --evaluators: also have the first candidate evaluated before it is submitted (re-solved once if an evaluator finds a defect)')
    .option('--max-evaluation-price <usd>', 'per-evaluation price cap and budget (env BOTCOIN_MAX_EVALUATION_PRICE; default 0.01)')
    .option('--evaluation-budget-per-challenge <usd>', 'paid feedback per challenge (default 0.05)')
    .option('--evaluation-budget-per-day <usd>', 'paid feedback per UTC day (env BOTCOIN_EVALUATION_BUDGET_PER_DAY; default 1.00); when spent, mining goes on without feedback');
}

/** Usage errors, before anything is opened. */
export function checkEvaluatorFlags(flags: EvaluatorFlags): void {
  if (flags.evaluators === undefined && flags.evaluateFirst) {
    throw new MinerError('BAD_USAGE', '--evaluate-first needs --evaluators.', { hint: 'e.g. --evaluators auto --evaluate-first' });
  }
}

/** The feedback market for this run, or undefined without `--evaluators`. */
export async function feedbackMarketFor(ctx: CommandContext, session: MinerSession, flags: EvaluatorFlags): Promise<FeedbackMarket | undefined> {
  if (flags.evaluators === undefined) return undefined;
  const { openFeedbackMarket, sandboxEvaluatorUrls, DEFAULT_EVALUATION_LIMITS } = await import('../../miner/evaluation.js');
  const auto = flags.evaluators.trim().toLowerCase() === 'auto';
  const configured = splitUrls(ctx.setting('evaluators').value);
  const urls = auto ? (configured.length > 0 ? configured : sandboxEvaluatorUrls(session)) : splitUrls(flags.evaluators);
  const perEvaluation = flags.maxEvaluationPrice ?? ctx.setting('maxEvaluationPrice').value ?? DEFAULT_EVALUATION_LIMITS.perEvaluation;
  const perDay = flags.evaluationBudgetPerDay ?? ctx.setting('evaluationBudgetPerDay').value ?? DEFAULT_EVALUATION_LIMITS.perDay;
  const dataDir = ctx.setting('dataDir').value;
  return openFeedbackMarket(
    session,
    {
      mode: auto ? 'auto' : 'explicit',
      urls,
      evaluateFirst: Boolean(flags.evaluateFirst),
      limits: { perEvaluation, perDay, perChallenge: flags.evaluationBudgetPerChallenge ?? DEFAULT_EVALUATION_LIMITS.perChallenge },
    },
    dataDir,
  );
}

function splitUrls(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter((u) => u !== '');
}
