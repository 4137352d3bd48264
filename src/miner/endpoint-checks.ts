/**
 * The first contact with the two endpoints a session needs, shared by the miner session and the
 * read-only rewards view: the RPC node's chain id, and the coordinator's skill file, refused when
 * it names another chain than the RPC's (a mismatched pair would sign receipts for the wrong chain).
 */
import { createPublicClient, http } from 'viem';
import { MinerError } from '../errors.js';
import type { SkillInfo } from '../protocol/skill/types.js';

export async function rpcChainId(rpc: string): Promise<number> {
  try {
    return await createPublicClient({ transport: http(rpc, { retryCount: 1 }) }).getChainId();
  } catch (error) {
    throw new MinerError('CHAIN_UNAVAILABLE', `The RPC node ${safeUrl(rpc)} did not answer eth_chainId.`, {
      details: error instanceof Error ? error.message.split('\n')[0] : String(error),
      hint: 'Check BASE_RPC_URL / --rpc and your network.',
      cause: error,
    });
  }
}

/** The coordinator's skill file, refused when it names another chain than the RPC's. */
export async function discoverSkill(coordinatorUrl: string, chainId: number): Promise<SkillInfo> {
  const { fetchSkill, skillUrlFor } = await import('../protocol/skill/fetch.js');
  const skill = await fetchSkill(skillUrlFor(coordinatorUrl));
  if (skill.chainId !== undefined && skill.chainId !== chainId) {
    throw new MinerError('CONFIG', `The coordinator serves chain ${skill.chainId}, but the RPC node is on chain ${chainId}.`, {
      hint: 'Use an RPC URL for the coordinator\'s chain (BASE_RPC_URL / --rpc), or a coordinator for this chain.',
    });
  }
  return skill;
}

/** The URL without credentials or query (RPC URLs often carry an API key). */
function safeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}
