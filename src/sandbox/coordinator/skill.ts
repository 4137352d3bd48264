/**
 * Renders /.well-known/skill.md from skill.template.md. The endpoint list is generated from the
 * app's own route table, so the skill file names exactly the endpoints this server serves.
 */
import { readFileSync } from 'node:fs';
import type { Address } from 'viem';

const template = readFileSync(new URL('./skill.template.md', import.meta.url), 'utf8');

export interface SkillValues {
  coordinatorUrl: string;
  rpcUrl: string;
  chainId: number;
  contracts: { botcoin: Address; mining: Address; rigMining: Address; rigNft: Address };
  endpoints: Array<{ method: string; path: string }>;
  tokenTtlSeconds: number;
  epochSeconds: number;
  maxAttempts: number;
  sessionSeconds: number;
}

export function renderSkill(values: SkillValues): string {
  const replacements: Record<string, string> = {
    CHAIN_ID: String(values.chainId),
    COORDINATOR_URL: values.coordinatorUrl,
    RPC_URL: values.rpcUrl,
    BOTCOIN: values.contracts.botcoin,
    MINING: values.contracts.mining,
    RIGS: values.contracts.rigMining,
    RIG_NFT: values.contracts.rigNft,
    ENDPOINTS: values.endpoints.map((e) => `- \`${e.method} ${e.path}\``).join('\n'),
    TOKEN_TTL: String(values.tokenTtlSeconds),
    EPOCH_SECONDS: String(values.epochSeconds),
    MAX_ATTEMPTS: String(values.maxAttempts),
    SESSION_SECONDS: String(values.sessionSeconds),
  };
  return template.replace(/\{\{([A-Z_]+)\}\}/g, (match, name: string) => replacements[name] ?? match);
}
