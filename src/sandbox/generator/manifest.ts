/**
 * `challengeManifestHash`: keccak256 of a canonical JSON of the payload's content fields
 * (keys sorted recursively, no whitespace), excluding the hash itself. The coordinator re-uses
 * it after adding epochId/solveIndex/... so the hash binds exactly what was issued.
 */
import { keccak256, stringToBytes } from 'viem';

const EXCLUDED = 'challengeManifestHash';

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('canonicalJson: non-finite number');
    if (typeof value === 'bigint') throw new Error('canonicalJson: bigint (send big integers as decimal strings)');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function manifestHash(payload: Record<string, unknown>): `0x${string}` {
  const content = Object.fromEntries(Object.entries(payload).filter(([k]) => k !== EXCLUDED));
  return keccak256(stringToBytes(canonicalJson(content)));
}
