/** A failing local check as plain lines, for a repair prompt or a human. */
import type { CheckReport } from '../verify/types.js';

export function checkProblems(report: CheckReport): string[] {
  const lines: string[] = [];
  for (const c of report.constraints) {
    if (c.kind === 'tip' || c.status === 'pass') continue;
    lines.push(`constraint ${c.index + 1} (${c.kind}) ${c.status}: ${c.reason}${c.expected !== undefined ? ` [expected: ${c.expected}]` : ''}`);
  }
  for (const e of report.trace.errors) lines.push(`trace ${e.rule}${e.stepId ? ` at step ${e.stepId}` : ''}: ${e.message}`);
  const { answers } = report;
  if (answers.provided < answers.total) lines.push(`answers: ${answers.provided} of ${answers.total} questions answered; answer every question id`);
  return lines;
}
