/**
 * Shared formatting and option parsing for the rewards commands. Light on purpose (no viem):
 * command files import it at load time, and `--help` must stay fast. Token amounts are
 * formatted by the caller's `Amount` function, loaded inside the action.
 */
import { MinerError } from '../../errors.js';

/** Formats base units as BOTCOIN, e.g. `1000.5 BOTCOIN` (see `botcoinAmount` in amount.ts). */
export type Amount = (value: bigint | string) => string;

/** "2h 03m 10s" for a number of seconds. */
export function duration(seconds: bigint | number): string {
  let s = Number(seconds);
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  return h > 0 ? `${h}h ${String(m).padStart(2, '0')}m ${String(s).padStart(2, '0')}s` : m > 0 ? `${m}m ${String(s).padStart(2, '0')}s` : `${s}s`;
}

/** `--epochs 20,21` → [20n, 21n]; a clear usage error otherwise. */
export function parseEpochList(value: string | undefined): bigint[] | undefined {
  if (value === undefined) return undefined;
  const parts = value.split(',').map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length === 0 || parts.some((p) => !/^\d{1,20}$/.test(p))) {
    throw new MinerError('BAD_USAGE', `--epochs "${value}" is not a list of epoch ids.`, { hint: 'Give epoch ids separated by commas, e.g. --epochs 20,21.' });
  }
  return [...new Set(parts)].map(BigInt).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function parseScan(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,4}$/.test(value) || Number(value) === 0) {
    throw new MinerError('BAD_USAGE', `--scan "${value}" is not a positive number of epochs.`, { hint: 'e.g. --scan 64 (the default).' });
  }
  return Number(value);
}
