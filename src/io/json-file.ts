import { readFile, mkdir, rename, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { MinerError } from '../errors.js';

/** Reads and parses a JSON file, with errors that name the file and the fix. */
export async function readJsonFile(path: string, what = 'file'): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new MinerError('FILE_NOT_FOUND', `Cannot read the ${what} "${path}"${code ? ` (${code})` : ''}.`, {
      hint: 'Check the path; relative paths are resolved from the current directory.',
      cause: error,
    });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new MinerError('INVALID_INPUT', `The ${what} "${path}" is not valid JSON.`, {
      details: (error as Error).message,
      hint: 'Fix the JSON syntax (a JSON linter shows the line), then run the command again.',
      cause: error,
    });
  }
}

/** Writes JSON atomically (temp file, fsync, rename) so a crash never leaves half a file. */
export async function writeJsonFile(path: string, data: unknown, mode = 0o644): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  const handle = await open(temp, 'w', mode);
  try {
    await handle.writeFile(`${JSON.stringify(data, null, 2)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, path);
}

