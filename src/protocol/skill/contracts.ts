import { getAddress, isAddress } from 'viem';
import type { SkillContract } from './types.js';
import { markdownTables, plainCell } from './markdown-tables.js';

/**
 * Contracts from every `| Contract | Address |` table. Rows whose address is missing, not 20
 * bytes, or wrongly checksummed are skipped with a warning: an allow-list entry must be exact.
 */
export function extractContracts(body: string): { contracts: SkillContract[]; warnings: string[] } {
  const contracts: SkillContract[] = [];
  const warnings: string[] = [];
  for (const table of markdownTables(body)) {
    const header = table.header.map((h) => plainCell(h).toLowerCase());
    const nameAt = header.findIndex((h) => h.includes('contract'));
    const addressAt = header.findIndex((h) => h.includes('address'));
    if (nameAt < 0 || addressAt < 0) continue;
    for (const row of table.rows) {
      const name = plainCell(row[nameAt] ?? '');
      const cell = plainCell(row[addressAt] ?? '');
      const candidate = /0x[0-9a-fA-F]+/.exec(cell)?.[0];
      if (!candidate) {
        warnings.push(`contract "${name}": no address ("${cell}"); skipped`);
      } else if (candidate.length !== 42) {
        warnings.push(`contract "${name}": ${candidate} is not a 20-byte address; skipped`);
      } else if (!isAddress(candidate, { strict: true })) {
        warnings.push(`contract "${name}": ${candidate} has an invalid EIP-55 checksum; skipped`);
      } else if (!contracts.some((c) => c.name === name && c.address === getAddress(candidate))) {
        contracts.push({ name, address: getAddress(candidate) });
      }
    }
  }
  return { contracts, warnings };
}
