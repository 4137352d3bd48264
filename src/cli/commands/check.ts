import type { Command } from 'commander';
import { action } from '../context.js';
import { ExitCode } from '../../errors.js';
import { readJsonFile } from '../../io/json-file.js';
import type { CheckReport } from '../../verify/types.js';

export function registerCheck(program: Command): void {
  program
    .command('check <challenge> <solution>')
    .summary('check a solution locally (exit 0 pass, 5 fail)')
    .description('check a solution against a challenge locally, before spending an attempt (exit 0 pass, 5 fail)')
    .action(
      action(async (ctx, challengePath: string, solutionPath: string) => {
        const [{ parseChallenge }, { parseSolution }, { checkSolution }] = await Promise.all([
          import('../../challenge/parse.js'),
          import('../../challenge/solution.js'),
          import('../../verify/check.js'),
        ]);
        const challenge = parseChallenge(await readJsonFile(challengePath, 'challenge file'));
        const solution = parseSolution(await readJsonFile(solutionPath, 'solution file'));
        const report = checkSolution(challenge, solution);
        ctx.out.result(report, renderReport);
        return report.pass ? ExitCode.ok : ExitCode.unsolved;
      }),
    );
}

function renderReport(report: CheckReport): string {
  const mark = { pass: 'ok  ', fail: 'FAIL', unchecked: '??  ' } as const;
  const lines = report.constraints.map(
    (c) => `${mark[c.status]} [${c.index}] ${c.kind.padEnd(16)} ${c.reason}`,
  );
  lines.push(
    `${report.trace.valid ? 'ok  ' : 'FAIL'} trace: ${report.trace.stepCount} steps, citation rate ${(report.trace.citationRate * 100).toFixed(0)}%`,
  );
  for (const error of report.trace.errors) lines.push(`       ${error.stepId ? `${error.stepId}: ` : ''}${error.message} (${error.rule})`);
  lines.push(`answers: ${report.answers.provided}/${report.answers.total} provided`);
  lines.push(report.pass ? 'PASS' : 'NOT PASSING');
  return lines.join('\n');
}
