import { PassThrough, Writable } from 'node:stream';
import type { PromptIo } from '../../../src/chain/wallet/password.js';

export interface WizardStep {
  /** Text of the prompt to answer (as it appears on screen). */
  prompt: string;
  /** Keystrokes, each chunk sent separately (a select needs its digit and its Enter as two key presses). */
  keys: string[];
}

const ENTER = '\r';
/** Select the n-th choice of a list prompt, then confirm. */
export const choose = (n: number): string[] => [String(n), ENTER];
/** Type a line, then confirm. */
export const type = (text: string): string[] => [text, ENTER];
/** Accept the default. */
export const accept = (): string[] => [ENTER];

/**
 * A terminal stand-in for driving a whole wizard: it waits for each prompt's text on the
 * screen, then types that step's keys one chunk at a time, and records what was shown. Like a
 * real terminal its output survives the end of a prompt (inquirer ends the stream it was given).
 */
export function wizardTerminal(steps: WizardStep[]): PromptIo & { shown: () => string; answered: () => number } {
  const input = new PassThrough();
  let shown = '';
  let answered = 0;
  let searchFrom = 0;
  const output = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      shown += chunk.toString();
      const step = steps[answered];
      if (step && shown.includes(step.prompt, searchFrom)) {
        answered += 1;
        searchFrom = shown.length;
        step.keys.forEach((key, i) => setTimeout(() => input.write(key), 20 * (i + 1)));
      }
      callback();
    },
  });
  output.end = (() => output) as typeof output.end;
  return { input, output, shown: () => shown, answered: () => answered };
}
