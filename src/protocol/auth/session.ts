/**
 * The bearer-token session of one wallet: signs in per lane on demand through the shared
 * token manager, so every caller (many rigs of one operator included) uses one token per lane.
 */
import type { Address } from 'viem';
import type { CoordinatorBase } from '../context.js';
import { signIn, type SigningAccount } from './sign-in.js';
import { createTokenManager, type SignInReason, type TokenManager } from './token-manager.js';

export type Lane = 'wallet' | 'rig';

export interface SignInEvent {
  address: Address;
  lane: Lane;
  reason: SignInReason;
  /** Present after the flow: the chain id the coordinator's message named, or auth disabled. */
  chainId?: number;
  authDisabled?: boolean;
}

export interface AuthSession {
  readonly address: Address;
  /** The token for `lane`, signing in when none is cached or it is due; undefined when auth is disabled. */
  token(lane: Lane): Promise<string | undefined>;
  /** After a 401 with `token`: the next `token(lane)` signs in again. */
  invalidate(lane: Lane, token: string | undefined): void;
}

export interface AuthSessionOptions {
  account: SigningAccount;
  agentId?: string;
  chainId?: number;
  random?: () => number;
  /** Called after every completed sign-in flow (for logs; never carries the token). */
  onSignIn?: (event: SignInEvent) => void;
  /** Share one manager between clients of the same wallet; default: a new one. */
  tokens?: TokenManager;
}

export function createAuthSession(base: CoordinatorBase, options: AuthSessionOptions): AuthSession {
  const { account } = options;
  const tokens =
    options.tokens ??
    createTokenManager({
      now: base.now,
      ...(options.random ? { random: options.random } : {}),
      authenticate: async (key, reason) => {
        const result = await signIn(base, {
          account,
          lane: key.lane,
          ...(options.agentId !== undefined ? { agentId: options.agentId } : {}),
          ...(options.chainId !== undefined ? { chainId: options.chainId } : {}),
        });
        options.onSignIn?.({
          address: account.address,
          lane: key.lane,
          reason,
          ...(result.kind === 'token' ? { chainId: result.chainId } : { authDisabled: true }),
        });
        return result;
      },
    });
  const key = (lane: Lane) => ({ address: account.address, lane });
  return {
    address: account.address,
    token: (lane) => tokens.token(key(lane)),
    invalidate: (lane, token) => tokens.invalidate(key(lane), token),
  };
}
