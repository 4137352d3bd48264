import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(repoRoot, 'bin', 'botcoin-miner.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A fresh, empty config/data home so a test never reads or writes the user's real profile. */
export function isolatedHome(): { BOTCOIN_CONFIG_DIR: string; BOTCOIN_DATA_DIR: string } {
  const root = mkdtempSync(join(tmpdir(), 'botcoin-cli-'));
  return { BOTCOIN_CONFIG_DIR: join(root, 'config'), BOTCOIN_DATA_DIR: join(root, 'data') };
}

/** Runs the built CLI (`npm run build` first; `npm test` does) as a user would. */
export function runCli(args: string[], options: { env?: Record<string, string>; input?: string; cwd?: string } = {}): Promise<CliResult> {
  if (!existsSync(join(repoRoot, 'dist', 'cli', 'main.js'))) {
    throw new Error('dist/ is missing: run `npm run build` (npm test does it) before the CLI tests.');
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: options.cwd ?? repoRoot,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}
