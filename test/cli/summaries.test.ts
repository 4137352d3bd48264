// The top-level --help lists one short summary per command, so it stays readable; the long
// description is for `<command> --help`.
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';

describe('top-level help', () => {
  it('gives every command a summary of at most 60 characters', () => {
    const problems = buildProgram()
      .commands
      .map((c) => ({ name: c.name(), summary: c.summary() }))
      .filter(({ summary }) => summary === '' || summary.length > 60);
    expect(problems).toEqual([]);
  });

  it('shows the summary, not the long description, in the command list', () => {
    const help = buildProgram().helpInformation();
    expect(help).toMatch(/^ {2}status\s+epoch, credits, receipts, spend and pass rate$/m);
    expect(help).not.toContain('last 7 epochs, and ledger');
  });
});
