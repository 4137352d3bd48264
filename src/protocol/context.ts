/**
 * What every coordinator operation takes first (viem-style: `getEpoch(client)`): the transport,
 * the discovered skill file, and — when a wallet is configured — its bearer-token session.
 */
import type { SkillInfo } from './skill/types.js';
import type { HttpClient, Sleep } from './http/types.js';
import type { AuthSession } from './auth/session.js';

export interface CoordinatorBase {
  readonly baseUrl: string;
  readonly http: HttpClient;
  /** The coordinator's skill file, when discovered: which routes it serves. */
  readonly skill: SkillInfo | undefined;
  /** Waits between polls; injectable so tests need not sleep. */
  readonly sleep: Sleep;
  readonly now: () => number;
}

export interface CoordinatorContext extends CoordinatorBase {
  /** Absent for a read-only client (no wallet): bearer-token calls then fail with `WALLET`. */
  readonly auth: AuthSession | undefined;
}
