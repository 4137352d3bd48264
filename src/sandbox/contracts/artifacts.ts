import { readFileSync } from 'node:fs';
import type { Abi, Hex } from 'viem';

/** One compiled contract as `npm run contracts` writes it (scripts/compile-contracts.mjs). */
export interface ContractArtifact {
  contractName: string;
  sourceName: string;
  abi: Abi;
  bytecode: Hex;
  deployedBytecode: Hex;
  compiler: { name: string; version: string; settings: Record<string, unknown> };
}

export const sandboxContractNames = [
  'TestBotcoin',
  'BotcoinMining',
  'MiningRigNFT',
  'BotcoinMiningRigs',
  'TestUSDC',
] as const;
export type SandboxContractName = (typeof sandboxContractNames)[number];

/** Reads a committed artifact (relative to this module, so it also works from dist/). */
export function loadArtifact(name: SandboxContractName): ContractArtifact {
  const url = new URL(`./artifacts/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as ContractArtifact;
}

export const sandboxArtifacts: Readonly<Record<SandboxContractName, ContractArtifact>> = Object.fromEntries(
  sandboxContractNames.map((name) => [name, loadArtifact(name)]),
) as Record<SandboxContractName, ContractArtifact>;

export const testBotcoinAbi: Abi = sandboxArtifacts.TestBotcoin.abi;
export const sandboxMiningAbi: Abi = sandboxArtifacts.BotcoinMining.abi;
export const sandboxRigNftAbi: Abi = sandboxArtifacts.MiningRigNFT.abi;
export const sandboxRigMiningAbi: Abi = sandboxArtifacts.BotcoinMiningRigs.abi;
export const testUsdcAbi: Abi = sandboxArtifacts.TestUSDC.abi;
