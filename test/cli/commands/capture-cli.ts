import { vi } from 'vitest';
import type { Command } from 'commander';
import { buildProgram } from '../../../src/cli/main.js';
import { Output } from '../../../src/cli/output.js';

export interface CliResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/**
 * Runs the real CLI program in-process with `args` (after `botcoin-miner`) and captures what it
 * writes. `register` adds a command that is not (yet) in src/cli/commands/index.ts; it is skipped
 * once the command is registered there.
 */
export async function runCli(args: string[], register?: { name: string; add: (program: Command) => void }): Promise<CliResult> {
  const program = buildProgram();
  if (register && !program.commands.some((c) => c.name() === register.name)) register.add(program);
  let stdout = '';
  let stderr = '';
  const outSpy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += chunk.toString();
    return true;
  });
  const errSpy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += chunk.toString();
    return true;
  });
  const previousExitCode = process.exitCode;
  process.exitCode = undefined;
  let exitCode: number;
  try {
    await program.parseAsync(args, { from: 'user' });
    exitCode = typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    exitCode = new Output({ json: args.includes('--json'), quiet: false, verbose: false }).error(error);
  } finally {
    outSpy.mockRestore();
    errSpy.mockRestore();
    process.exitCode = previousExitCode;
  }
  return { stdout, stderr, exitCode };
}
