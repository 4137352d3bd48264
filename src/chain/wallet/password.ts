import { MinerError } from '../../errors.js';

/** The environment variable holding the keystore password for unattended runs. */
export const PASSWORD_ENV = 'BOTCOIN_KEYSTORE_PASSWORD';

export interface PromptIo {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

export interface SecretSourceOptions {
  env?: NodeJS.ProcessEnv;
  /** May we prompt? Default: stdin and stderr are terminals. The CLI passes `ctx.interactive` (false under --json). */
  interactive?: boolean;
  /** Prompt streams; default stdin → stderr, so stdout stays clean for results. */
  io?: PromptIo;
}

/**
 * The keystore password: `BOTCOIN_KEYSTORE_PASSWORD`, else a hidden prompt on a terminal, else a
 * clear error. `confirm` asks twice (new keystores) and refuses an empty password.
 */
export async function readPassword(
  purpose: string,
  options: SecretSourceOptions & { confirm?: boolean } = {},
): Promise<string> {
  const env = options.env ?? process.env;
  const fromEnv = env[PASSWORD_ENV];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!isInteractive(options)) {
    throw new MinerError('WALLET', `No password for ${purpose}: ${PASSWORD_ENV} is not set and there is no terminal to ask on.`, {
      hint: `Set ${PASSWORD_ENV} in the environment, or run the command in a terminal without --json.`,
    });
  }
  const first = await promptHidden(`Password for ${purpose}:`, options.io);
  if (!options.confirm) return first;
  if (first === '') {
    throw new MinerError('WALLET', 'An empty password was entered.', { hint: 'Choose a password; it protects the key on disk.' });
  }
  const second = await promptHidden('Repeat the password:', options.io);
  if (second !== first) {
    throw new MinerError('WALLET', 'The two passwords differ.', { hint: 'Run the command again and type the same password twice.' });
  }
  return first;
}

/** A secret typed at a hidden prompt (never echoed); errors when prompting is not allowed. */
export async function promptSecret(message: string, whenNotInteractive: MinerError, options: SecretSourceOptions = {}): Promise<string> {
  if (!isInteractive(options)) throw whenNotInteractive;
  return promptHidden(message, options.io);
}

function isInteractive(options: SecretSourceOptions): boolean {
  return options.interactive ?? (Boolean(process.stdin.isTTY) && Boolean(process.stderr.isTTY));
}

async function promptHidden(message: string, io: PromptIo | undefined): Promise<string> {
  const { password } = await import('@inquirer/prompts');
  return password({ message }, { input: io?.input ?? process.stdin, output: io?.output ?? process.stderr });
}
