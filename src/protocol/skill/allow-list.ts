import { getAddress, isAddress, type Address } from 'viem';
import type { AddressBook } from '../../chain/addresses/built-in.js';
import type { SkillInfo } from './types.js';

export type AllowListSource = 'built-in' | 'skill' | 'sandbox';

export interface AllowListEntry {
  address: Address;
  /** Every name the sources give this address. */
  names: string[];
  sources: AllowListSource[];
}

/** The contracts the transaction guard lets the miner call on one chain. */
export interface AllowList {
  chainId: number;
  entries: AllowListEntry[];
}

export interface AllowListSources {
  /** The CLI's own table (`builtInAddressBook(chainId)`); ignored when it is for another chain. */
  builtIn: AddressBook | undefined;
  /** The discovered skill file's contract table; ignored when the file names another chain. */
  skill?: Pick<SkillInfo, 'contracts' | 'chainId'>;
  /** The local sandbox's description; ignored when it is for another chain. */
  sandbox?: AddressBook;
}

/**
 * Merges the sources for `chainId` (spec/miner.md "Money and keys"): an address is allowed when
 * any applicable source lists it; entries keep every name and source that vouched for them.
 */
export function allowListFor(chainId: number, sources: AllowListSources): AllowList {
  const entries = new Map<Address, AllowListEntry>();
  const add = (name: string, raw: string, source: AllowListSource): void => {
    if (!isAddress(raw, { strict: true })) return;
    const address = getAddress(raw);
    const entry = entries.get(address) ?? { address, names: [], sources: [] };
    if (!entry.names.includes(name)) entry.names.push(name);
    if (!entry.sources.includes(source)) entry.sources.push(source);
    entries.set(address, entry);
  };
  if (sources.builtIn?.chainId === chainId) for (const c of sources.builtIn.contracts) add(c.name, c.address, 'built-in');
  if (sources.skill && (sources.skill.chainId === undefined || sources.skill.chainId === chainId)) {
    for (const c of sources.skill.contracts) add(c.name, c.address, 'skill');
  }
  if (sources.sandbox?.chainId === chainId) for (const c of sources.sandbox.contracts) add(c.name, c.address, 'sandbox');
  return { chainId, entries: [...entries.values()] };
}

/** The allow-list entry for an address (any case), or undefined when it is not allowed. */
export function findAllowed(list: AllowList, address: string): AllowListEntry | undefined {
  if (!isAddress(address, { strict: false })) return undefined;
  const wanted = getAddress(address);
  return list.entries.find((entry) => entry.address === wanted);
}
