/** Does the RPC node answer, and is it on the coordinator's chain? */
import { createPublicClient, http, type PublicClient } from 'viem';
import { ExitCode } from '../errors.js';
import { displayUrl } from '../protocol/http/url.js';
import { fail, pass } from './check.js';
import type { DoctorCheck } from './types.js';

export const BASE_CHAIN_ID = 8453;

export function rpcClient(url: string): PublicClient {
  return createPublicClient({ transport: http(url, { retryCount: 0, timeout: 15_000 }) }) as PublicClient;
}

/**
 * `expected`: the chain the skill file names, else the sandbox's (with --sandbox), else Base
 * mainnet. A node on any other chain fails: every guarded transaction would be refused.
 */
export async function checkRpc(publicClient: PublicClient, url: string, expected: { chainId: number; source: string }): Promise<{ check: DoctorCheck; chainId?: number }> {
  let chainId: number;
  try {
    chainId = await publicClient.getChainId();
  } catch (error) {
    return {
      check: fail('rpc', `RPC ${safeUrl(url)} did not answer eth_chainId`, ExitCode.unavailable, 'Check the RPC URL (--rpc, BASE_RPC_URL or `botcoin-miner config set rpc <url>`) and your network.', error instanceof Error ? error.message.split('\n')[0] : String(error)),
    };
  }
  if (chainId !== expected.chainId) {
    return {
      chainId,
      check: fail('rpc', `RPC ${safeUrl(url)} is on chain ${chainId}, but ${expected.source} is chain ${expected.chainId}`, ExitCode.badInput, `Use an RPC URL for chain ${expected.chainId} (--rpc or BASE_RPC_URL), or a coordinator for chain ${chainId}.`),
    };
  }
  return { chainId, check: pass('rpc', `RPC ${safeUrl(url)} answers on chain ${chainId} (${expected.source})`) };
}

/** The URL as logs show it (RPC URLs often embed an API key in the path or query). */
function safeUrl(url: string): string {
  try {
    return displayUrl(url);
  } catch {
    return '(invalid URL)';
  }
}
