import { PassThrough, Writable } from 'node:stream';
import type { PromptIo } from '../../../src/chain/wallet/password.js';

/**
 * A terminal stand-in: answers each prompt (recognised by its text) with the next reply and records
 * what was shown. Like a real terminal its output survives the end of a prompt (inquirer ends the
 * stream it was given when a prompt closes).
 */
export function scriptedTerminal(replies: Array<[prompt: string, reply: string]>): PromptIo & { shown: () => string } {
  const input = new PassThrough();
  let shown = '';
  let answered = 0;
  let searchFrom = 0;
  const output = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      shown += chunk.toString();
      const step = replies[answered];
      if (step && shown.includes(step[0], searchFrom)) {
        answered += 1;
        searchFrom = shown.length;
        setImmediate(() => input.write(`${step[1]}\n`));
      }
      callback();
    },
  });
  output.end = (() => output) as typeof output.end;
  return { input, output, shown: () => shown };
}
