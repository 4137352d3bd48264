import { MinerError } from '../../errors.js';
import { userAgent } from '../http/user-agent.js';
import { parseSkillFile } from './parse.js';
import type { SkillInfo } from './types.js';

/** A `fetch`-compatible transport (global fetch by default; src/protocol/http can supply its retrying one). */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

const TIMEOUT_MS = 20_000;

/** `<coordinator>/.well-known/skill.md`, keeping any path prefix of the coordinator URL. */
export function skillUrlFor(coordinator: string): string {
  return `${coordinator.replace(/\/+$/, '')}/.well-known/skill.md`;
}

/** Fetches and parses a skill file; transport failures and non-2xx answers are COORDINATOR_UNAVAILABLE. */
export async function fetchSkill(url: string, fetchImpl: FetchLike = fetch): Promise<SkillInfo> {
  let response: Response;
  try {
    response = await fetchImpl(url, {
      headers: { 'User-Agent': userAgent(), Accept: 'text/markdown, text/plain;q=0.9, */*;q=0.1' },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new MinerError('COORDINATOR_UNAVAILABLE', `Cannot fetch the skill file ${url}.`, {
      details: (error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message,
      hint: 'Check the coordinator URL (--coordinator or COORDINATOR_URL) and your network, then try again.',
      cause: error,
    });
  }
  if (!response.ok) {
    throw new MinerError('COORDINATOR_UNAVAILABLE', `The skill file ${url} answered HTTP ${response.status}.`, {
      hint:
        response.status === 404
          ? 'This URL serves no skill file: check that --coordinator points at a BOTCOIN coordinator, or pass --url.'
          : 'The coordinator may be down or rate limiting; try again later.',
    });
  }
  return parseSkillFile(await response.text(), url);
}
