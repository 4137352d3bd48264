import { readFileSync } from 'node:fs';

/** A chain's named contract addresses (built-in table, the sandbox description, ...). */
export interface AddressBook {
  chainId: number;
  name?: string;
  contracts: Array<{ name: string; address: string }>;
}

/** The address tables shipped with the CLI, one JSON file per chain beside this module. */
const FILES: Record<number, string> = { 8453: './base-mainnet.json' };

/** The built-in address book for a chain, or undefined when the CLI ships none for it. */
export function builtInAddressBook(chainId: number): AddressBook | undefined {
  const file = FILES[chainId];
  if (!file) return undefined;
  return JSON.parse(readFileSync(new URL(file, import.meta.url), 'utf8')) as AddressBook;
}
