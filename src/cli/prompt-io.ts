/**
 * Where interactive prompts read and write: the terminal (stdin → stderr, so stdout stays
 * clean for results), or — for tests that drive a wizard end to end — injected streams that
 * behave as a terminal (test/cli/support). Prompting is allowed only on a terminal and never
 * with --json.
 */
import type { PromptIo } from '../chain/wallet/password.js';
import { MinerError } from '../errors.js';
import type { CommandContext } from './context.js';

let injected: PromptIo | undefined;

/** Routes every prompt of this process through `io` (undefined restores the terminal). */
export function usePromptIo(io: PromptIo | undefined): void {
  injected = io;
}

export interface PromptSession {
  interactive: boolean;
  io: PromptIo;
}

export function promptSession(ctx: CommandContext): PromptSession {
  if (injected) return { interactive: !ctx.globals.json, io: injected };
  return { interactive: ctx.interactive, io: { input: process.stdin, output: process.stderr } };
}

/**
 * Asks before moving money. `--yes` skips the question; without a terminal (or with --json)
 * and without `--yes` it refuses, so a script never sends by accident.
 */
export async function confirmSend(ctx: CommandContext, question: string): Promise<boolean> {
  if (ctx.globals.yes) return true;
  const prompt = promptSession(ctx);
  if (!prompt.interactive) {
    throw new MinerError('BAD_USAGE', 'Refusing to send a transaction without confirmation: there is no terminal to ask on.', {
      hint: 'Pass --yes to send without asking, or --dry-run to check what would be sent.',
    });
  }
  const { confirm } = await import('@inquirer/prompts');
  return confirm({ message: question, default: false }, prompt.io);
}
