import type { Command } from 'commander';
import { action } from '../context.js';
import { ExitCode } from '../../errors.js';
import { writeJsonFile } from '../../io/json-file.js';
import type { Solution } from '../../challenge/types.js';
import { minerSettings } from './miner-settings.js';

interface SolveResult {
  challengeId: string;
  attempt: number;
  strategy: string;
  solution: Solution;
  pass: boolean;
  problems: string[];
  modelCalls: number;
  costUsd: number;
  out?: string;
}

export function registerSolve(program: Command): void {
  program
    .command('solve')
    .summary('solve the current challenge, or print the agent task')
    .description('solve the current challenge (or --challenge <file>) and check it locally; `--strategy agent` prints the task for the calling agent instead')
    .option('--challenge <file>', 'a challenge payload file (default: the current challenge from `challenge`)')
    .option('--strategy <name>', 'hybrid (default), llm, or agent (env BOTCOIN_STRATEGY)')
    .option('--model <name>', 'model name (env BOTCOIN_MODEL); `answer-key` (with --sandbox) replays the sandbox answer key')
    .option('--out <file>', 'write the solution JSON here (for `submit`)')
    .action(
      action(async (ctx, options: { challenge?: string; strategy?: string; model?: string; out?: string }) => {
        const { solveOnce } = await import('../../miner/solve-once.js');
        const { checkProblems } = await import('../../solver/check-summary.js');
        const settings = minerSettings(ctx, { ...(options.strategy ? { strategy: options.strategy } : {}), ...(options.model ? { model: options.model } : {}) }, { needsModel: true });
        const solved = await solveOnce(settings, options.challenge ? { challengeFile: options.challenge } : {});
        if (solved.kind === 'task') {
          ctx.out.result(solved.task, (t) => `${t.prompt}\n\n(answer with one JSON object matching schema ${t.schemaId}; save it and run \`botcoin-miner submit <file>\`)`);
          return ExitCode.ok;
        }
        if (!solved.recorded) ctx.out.warn('no wallet is configured, so this solve\'s model calls are not recorded in a ledger');
        const { outcome } = solved;
        if (options.out) await writeJsonFile(options.out, outcome.solution);
        const result: SolveResult = {
          challengeId: solved.challenge.challengeId,
          attempt: solved.attempt,
          strategy: solved.strategy,
          solution: outcome.solution,
          pass: outcome.check.pass,
          problems: checkProblems(outcome.check),
          modelCalls: outcome.modelCalls,
          costUsd: outcome.costUsd,
          ...(options.out ? { out: options.out } : {}),
        };
        ctx.out.result(result, render);
        return result.pass ? ExitCode.ok : ExitCode.unsolved;
      }),
    );
}

function render(result: SolveResult): string {
  return [
    `challenge ${result.challengeId} attempt ${result.attempt} (${result.strategy}): ${result.pass ? 'passes the local check' : 'FAILS the local check'}`,
    ...result.problems.map((p) => `  ${p}`),
    `artifact: ${result.solution.artifact}`,
    `model calls ${result.modelCalls}, cost $${result.costUsd.toFixed(4)}`,
    result.out ? `solution written to ${result.out}; next: botcoin-miner submit ${result.out}` : 'pass --out <file> to save the solution for `submit`',
  ].join('\n');
}
