import { accessSync, constants, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { MinerError } from '../../errors.js';

/** The `@foundry-rs/anvil-<platform>` optional dependency that ships this machine's binary. */
export function anvilPackageName(platform: NodeJS.Platform = process.platform, arch: string = process.arch): string {
  const cpu = arch === 'x64' ? 'amd64' : arch;
  return `@foundry-rs/anvil-${platform}-${cpu}`;
}

/**
 * Finds the anvil binary: `ANVIL_PATH` (an explicit override wins), then the platform package
 * (spawned directly: the `@foundry-rs/anvil` node wrapper adds ~180 ms per start), then `anvil`
 * on PATH. Throws a SANDBOX error saying how to get one, e.g. after `npm i --omit=optional`.
 */
export function resolveAnvilBinary(
  env: NodeJS.ProcessEnv = process.env,
  packageName: string = anvilPackageName(),
): string {
  const override = env.ANVIL_PATH;
  if (override) {
    if (isExecutable(override)) return override;
    throw new MinerError('SANDBOX', `ANVIL_PATH points to "${override}", which is not an executable file.`, {
      hint: 'Fix or unset ANVIL_PATH (it must name the anvil binary itself).',
    });
  }
  const packaged = packagedBinary(packageName);
  if (packaged) return packaged;
  const onPath = findOnPath(process.platform === 'win32' ? 'anvil.exe' : 'anvil', env.PATH ?? '');
  if (onPath) return onPath;
  throw new MinerError('SANDBOX', 'The anvil binary (the sandbox chain) is not installed.', {
    details: `Neither ANVIL_PATH, the package ${packageName} nor "anvil" on PATH was found.`,
    hint: `Run \`npm i ${packageName}\` (it is skipped by --omit=optional), install Foundry so \`anvil\` is on PATH, or set ANVIL_PATH.`,
  });
}

function packagedBinary(packageName: string): string | undefined {
  let manifestPath: string;
  try {
    manifestPath = createRequire(import.meta.url).resolve(`${packageName}/package.json`);
  } catch {
    return undefined;
  }
  // The package's own `bin` entry names the file, so Windows' `.exe` needs no special case.
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bin?: string | Record<string, string> };
  const relative = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.anvil;
  if (!relative) return undefined;
  const binary = join(dirname(manifestPath), relative);
  return isExecutable(binary) ? binary : undefined;
}

function findOnPath(name: string, path: string): string | undefined {
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
