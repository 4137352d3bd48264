import type { PromptIo } from '../../../src/chain/wallet/password.js';
import { wizardTerminal } from '../../cli/support/wizard-terminal.js';

/**
 * A terminal stand-in: answers each prompt (recognised by its text) with the next reply, typed as
 * one line, and records what was shown (the wizard terminal, one key chunk per prompt).
 */
export function scriptedTerminal(replies: Array<[prompt: string, reply: string]>): PromptIo & { shown: () => string } {
  return wizardTerminal(replies.map(([prompt, reply]) => ({ prompt, keys: [`${reply}\n`] })));
}
