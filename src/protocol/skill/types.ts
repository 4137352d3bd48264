import type { Address } from 'viem';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One coordinator route the skill file mentions. */
export interface SkillEndpoint {
  method: HttpMethod;
  /** Path without query; placeholders normalised to `{camelCase}` (`${ATTEMPT_ID}` → `{attemptId}`). */
  path: string;
  /** Query parameter names seen for this route, in first-seen order. */
  query: string[];
  /** true when shown with a bearer token, false when a table says no auth, absent when unsaid. */
  auth?: boolean;
}

export interface SkillContract {
  name: string;
  /** EIP-55 checksummed. */
  address: Address;
}

export type SkillLane = 'rig' | 'wallet' | 'unknown';

/** What the CLI learns from a coordinator's skill file (spec/protocol.md §2). */
export interface SkillInfo {
  name?: string;
  description?: string;
  metadata: Record<string, unknown>;
  endpoints: SkillEndpoint[];
  lane: SkillLane;
  /** 'rig', 'v4', 'v3', 'v2', 'v1' (wallet lane without version signals), or 'unknown'. */
  generation: string;
  contracts: SkillContract[];
  coordinatorUrl?: string;
  /** The chain the file names (`Chain ID: 8453`, `chainId` metadata), if any. */
  chainId?: number;
  /** Things skipped or unreadable (bad addresses, bad front-matter), for the user to see. */
  warnings: string[];
}
