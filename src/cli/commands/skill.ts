import type { Command } from 'commander';
import { action } from '../context.js';
import { MinerError } from '../../errors.js';
import type { SkillInfo } from '../../protocol/skill/types.js';

type SkillReport = SkillInfo & { url: string };

export function registerSkill(program: Command): void {
  program
    .command('skill')
    .summary("show the coordinator's endpoints and contracts")
    .description("fetch the coordinator's skill file (/.well-known/skill.md) and show its endpoints, lane, generation and contracts")
    .option('--url <skill url>', 'read this skill file instead of <coordinator>/.well-known/skill.md')
    .action(
      action(async (ctx, options: { url?: string }) => {
        const { fetchSkill, skillUrlFor } = await import('../../protocol/skill/fetch.js');
        const coordinator = ctx.setting('coordinator').value;
        if (!options.url && !coordinator) {
          throw new MinerError('CONFIG', 'No coordinator URL is configured.', { hint: 'Pass --coordinator <url>, set COORDINATOR_URL, or pass --url.' });
        }
        const url = options.url ?? skillUrlFor(coordinator as string);
        ctx.out.debug(`fetching ${url}`);
        const info = await fetchSkill(url);
        for (const warning of info.warnings) ctx.out.warn(warning);
        ctx.out.result<SkillReport>({ url, ...info }, renderSkill);
      }),
    );
}

function renderSkill(report: SkillReport): string {
  const lines = [
    `skill        ${report.url}`,
    `name         ${report.name ?? '-'}`,
    `lane         ${report.lane} (generation ${report.generation})`,
    `coordinator  ${report.coordinatorUrl ?? '-'}`,
    `chain id     ${report.chainId ?? '-'}`,
    `endpoints    ${report.endpoints.length}`,
  ];
  for (const e of report.endpoints) {
    const query = e.query.length > 0 ? `?${e.query.join('&')}` : '';
    lines.push(`  ${e.method.padEnd(6)} ${`${e.path}${query}`.padEnd(52)} ${e.auth === true ? 'bearer' : ''}`.trimEnd());
  }
  lines.push(`contracts    ${report.contracts.length}`);
  for (const c of report.contracts) lines.push(`  ${c.address}  ${c.name}`);
  return lines.join('\n');
}
