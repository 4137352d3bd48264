/**
 * `<config dir>/model.env`: the model API key for users who keep it in a file rather than their
 * shell profile. `init` offers to write it (mode 0600, `KEY=value` lines); settings read it
 * *after* the real environment, so an exported variable always wins. Only the model key
 * variables are read from it: it is not a general dotenv.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, open, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { MinerError } from '../errors.js';
import { registerSecret } from '../safety/secrets.js';
import { configDir } from './paths.js';

export const MODEL_ENV_FILE = 'model.env';
/** The variables the file may set (the `modelApiKey` setting's environment names). */
export const MODEL_ENV_KEYS = ['BOTCOIN_MODEL_API_KEY', 'OPENAI_API_KEY', 'ANTHROPIC_API_KEY'] as const;

export function modelEnvPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(configDir(env), MODEL_ENV_FILE);
}

/** The file's model key variables (registered as secrets); empty when there is no file. */
export function readModelEnv(path: string): Record<string, string> {
  if (!existsSync(path)) return {};
  const values: Record<string, string> = {};
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Z_][A-Z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!match || !(MODEL_ENV_KEYS as readonly string[]).includes(match[1] as string)) continue;
    const value = (match[2] as string).replace(/^(['"])(.*)\1$/, '$2');
    if (value === '') continue;
    registerSecret(value);
    values[match[1] as string] = value;
  }
  return values;
}

/** The environment with model.env's values underneath: a variable set in `env` wins. */
export function withModelEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const fromFile = readModelEnv(modelEnvPath(env));
  const merged: NodeJS.ProcessEnv = { ...fromFile };
  for (const [key, value] of Object.entries(env)) if (value !== undefined && value !== '') merged[key] = value;
  return merged;
}

/** Writes `BOTCOIN_MODEL_API_KEY=<key>` to the file atomically with mode 0600 (replacing it). */
export async function writeModelEnv(apiKey: string, path: string = modelEnvPath()): Promise<string> {
  if (/[\r\n]/.test(apiKey) || apiKey.trim() === '') {
    throw new MinerError('INVALID_INPUT', 'The API key is empty or spans several lines.', { hint: 'Paste the key on one line.' });
  }
  registerSecret(apiKey);
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temp = `${path}.${process.pid}.tmp`;
  const handle = await open(temp, 'w', 0o600);
  try {
    await handle.writeFile(`# Model API key for botcoin-miner (read after the environment; keep this file private).\nBOTCOIN_MODEL_API_KEY=${apiKey.trim()}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, path);
  return path;
}
