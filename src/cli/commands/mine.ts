import type { Command } from 'commander';
import { action } from '../context.js';
import { ExitCode, MinerError } from '../../errors.js';
import type { MineSummary } from '../../miner/mine.js';
import { minerSettings } from './miner-settings.js';
import { addEvaluatorOptions, checkEvaluatorFlags, feedbackMarketFor, type EvaluatorFlags } from './mine-evaluators.js';
import { mineProgress } from './mine-events.js';

interface MineFlags extends EvaluatorFlags {
  count: string;
  rigs?: string;
  lane?: string;
  strategy?: string;
  model?: string;
  maxAttemptsPerDay?: string;
  maxCostPerDay?: string;
  dryRun?: boolean;
  jsonl?: boolean;
}

export function registerMine(program: Command): void {
  const command = program
    .command('mine')
    .summary('mine challenges end to end, rigs in parallel')
    .description('mine challenges: solve, check, submit, guard, broadcast, confirm — parallel across rigs, serial within a rig (resumes in-flight receipts first)')
    .option('--count <n>', 'challenges to take to an end (settled, unsolved or abandoned)', '1')
    .option('--rigs <ids>', 'rigs to mine, comma-separated (rig lane; env RIG_ID / BOTCOIN_RIGS)')
    .option('--lane <lane>', 'wallet or rig (env BOTCOIN_LANE)')
    .option('--strategy <name>', 'hybrid (default) or llm')
    .option('--model <name>', 'model name (env BOTCOIN_MODEL); `answer-key` (only with --sandbox) replays the sandbox answer key and is not a model')
    .option('--max-attempts-per-day <n>', 'stop (exit 7) before a coordinator attempt beyond this many today (UTC)')
    .option('--max-cost-per-day <usd>', 'stop (exit 7) before an attempt once today\'s model spend reaches this (UTC)')
    .option('--dry-run', 'fetch, solve and check locally, print what would be submitted; submit nothing, send no transaction')
    .option('--jsonl', 'print each event as one JSON line on stdout (schema v1, see src/miner/events.ts), then the summary line');
  addEvaluatorOptions(command).action(
      action(async (ctx, flags: MineFlags) => {
        const { openMinerSession, mine } = await import('../../miner/index.js');
        const caps = {
          ...optionalNumber('--max-attempts-per-day', flags.maxAttemptsPerDay ?? ctx.setting('maxAttemptsPerDay').value, true),
          ...optionalNumber('--max-cost-per-day', flags.maxCostPerDay ?? ctx.setting('maxCostPerDay').value, false),
        };
        const count = requiredCount(flags.count);
        checkEvaluatorFlags(flags);
        const session = await openMinerSession(
          minerSettings(ctx, { ...pick(flags, 'lane', 'rigs', 'strategy', 'model') }, { needsModel: true }),
        );
        try {
          const feedback = await feedbackMarketFor(ctx, session, flags);
          if (flags.dryRun) ctx.out.info('dry run: nothing will be submitted, signed or sent');
          const progress = await mineProgress(ctx, session, { jsonl: Boolean(flags.jsonl) });
          const summary = await mine(session, { count, caps: { ...(caps.maxAttemptsPerDay === undefined ? {} : { maxAttemptsPerDay: caps.maxAttemptsPerDay }), ...(caps.maxCostPerDay === undefined ? {} : { maxCostPerDay: caps.maxCostPerDay }) }, dryRun: Boolean(flags.dryRun), ...(feedback ? { feedback } : {}), onEvent: progress.onEvent }).finally(() => progress.stop());
          if (flags.jsonl) process.stdout.write(`${JSON.stringify({ v: 1, type: 'summary', ...summary })}\n`);
          else ctx.out.result(summary, render);
          if (summary.reverted + summary.dropped > 0) return ExitCode.transaction;
          if (summary.unsolved + summary.abandoned > 0) return ExitCode.unsolved;
          return ExitCode.ok;
        } finally {
          await session.close();
        }
      }),
    );
}

function pick(flags: MineFlags, ...keys: Array<'lane' | 'rigs' | 'strategy' | 'model'>): Partial<Record<'lane' | 'rigs' | 'strategy' | 'model', string>> {
  return Object.fromEntries(keys.filter((k) => flags[k] !== undefined).map((k) => [k, flags[k] as string]));
}

function requiredCount(text: string): number {
  const count = Number(text);
  if (!Number.isSafeInteger(count) || count < 1) throw new MinerError('BAD_USAGE', `--count must be a positive integer; got "${text}".`, { hint: 'e.g. --count 10' });
  return count;
}

function optionalNumber(flag: string, text: string | undefined, integer: boolean): Record<string, number> {
  if (text === undefined || text === '') return {};
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || (integer && !Number.isSafeInteger(value))) {
    throw new MinerError('BAD_USAGE', `${flag} must be a non-negative ${integer ? 'integer' : 'number'}; got "${text}".`);
  }
  const key = flag === '--max-attempts-per-day' ? 'maxAttemptsPerDay' : 'maxCostPerDay';
  return { [key]: value };
}

function render(summary: MineSummary): string {
  const lines = [
    `${summary.dryRun ? 'dry run: ' : ''}${summary.challenges}/${summary.requested} challenges on the ${summary.lane} lane${summary.rigs.length ? ` (rigs ${summary.rigs.join(', ')})` : ''}`,
    `confirmed ${summary.confirmed}, unsolved ${summary.unsolved}, abandoned ${summary.abandoned}, voided ${summary.voided}, reverted ${summary.reverted}, dropped ${summary.dropped}`,
    `attempts ${summary.attempts}, credits earned ${summary.creditsEarned}`,
  ];
  if (summary.recovery && summary.recovery.inFlight + summary.recovery.unsigned.length > 0) {
    lines.push(`recovered ${summary.recovery.inFlight} in-flight receipt(s), ${summary.recovery.unsigned.length} unsigned pass(es)`);
  }
  for (const r of summary.results) {
    if (r.solution) lines.push(`  would submit for ${r.challengeId.slice(0, 10)}${r.rigId ? ` (rig ${r.rigId})` : ''}: ${r.solution.artifact}`);
  }
  return lines.join('\n');
}
