/** The doctor's human output: one line per check, ✓ or ✗ in colour (none with NO_COLOR), hints under failures. */
import type { ChalkInstance } from 'chalk';
import { colours } from '../util/colours.js';
import type { DoctorReport } from './types.js';

export function renderDoctor(report: DoctorReport, chalk: ChalkInstance = colours()): string {
  const lines: string[] = [];
  for (const check of report.checks) {
    const mark = check.ok ? (check.skipped ? chalk.yellow('–') : chalk.green('✓')) : chalk.red('✗');
    lines.push(`${mark} ${check.id.padEnd(11)} ${check.summary}`);
    if (!check.ok && check.hint) lines.push(`  ${chalk.dim('hint:')} ${check.hint}`);
  }
  const failed = report.checks.filter((c) => !c.ok).length;
  lines.push(report.ok ? chalk.green('All checks passed.') : chalk.red(`${failed} check${failed > 1 ? 's' : ''} failed (exit ${report.exitCode}).`));
  return lines.join('\n');
}
