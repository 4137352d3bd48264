/**
 * `challengeManifestHash`: keccak256 of a canonical JSON of the payload's content fields
 * (keys sorted recursively, no whitespace), excluding the hash itself. The coordinator re-uses
 * it after adding epochId/solveIndex/... so the hash binds exactly what was issued.
 */
import { keccak256, stringToBytes } from 'viem';
import { canonicalJson } from '../../util/canonical-json.js';

const EXCLUDED = 'challengeManifestHash';

export function manifestHash(payload: Record<string, unknown>): `0x${string}` {
  const content = Object.fromEntries(Object.entries(payload).filter(([k]) => k !== EXCLUDED));
  return keccak256(stringToBytes(canonicalJson(content)));
}
