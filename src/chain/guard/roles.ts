import { readFileSync } from 'node:fs';
import type { Address } from 'viem';
import type { AllowList, AllowListEntry } from '../../protocol/skill/allow-list.js';

/** The jobs a contract can have for the miner (contract-roles.json says which names mean which). */
export type ContractRole = 'token' | 'mining' | 'rigMining' | 'rigBonus';

interface RoleTable {
  roles: Array<{ role: ContractRole; pattern: string }>;
}

const table = JSON.parse(readFileSync(new URL('./contract-roles.json', import.meta.url), 'utf8')) as RoleTable;
const patterns = table.roles.map((r) => ({ role: r.role, pattern: new RegExp(r.pattern, 'i') }));

/** The role one contract name gives, ignoring a trailing "(note)". */
export function roleOfName(name: string): ContractRole | undefined {
  const bare = name.replace(/\s*\(.*\)\s*$/, '').trim();
  return patterns.find((p) => p.pattern.test(bare))?.role;
}

/** Every role an allow-list entry has under any of its names. */
export function rolesOf(entry: AllowListEntry): ContractRole[] {
  const roles = new Set<ContractRole>();
  for (const name of entry.names) {
    const role = roleOfName(name);
    if (role) roles.add(role);
  }
  return [...roles];
}

/** The allow-listed addresses that have `role` (e.g. every mining contract, for an approve's spender). */
export function addressesWithRole(list: AllowList, role: ContractRole): Address[] {
  return list.entries.filter((entry) => rolesOf(entry).includes(role)).map((entry) => entry.address);
}
