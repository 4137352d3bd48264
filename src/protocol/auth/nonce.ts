/** POST /v1/auth/nonce (spec/protocol.md §3, step 1). */
import { z } from 'zod';
import type { Address } from 'viem';
import type { CoordinatorBase } from '../context.js';
import { responseError } from '../http/response-error.js';
import { parseResponse } from '../response.js';
import { routePath } from '../routes.js';
import { isAuthDisabledResponse } from './auth-disabled.js';

const nonceResponseSchema = z.looseObject({
  message: z.string().min(1),
  nonce: z.string().optional(),
  miner: z.string().optional(),
  issuedAt: z.string().optional(),
  expiresAt: z.string().optional(),
  tokenTtlSeconds: z.number().positive().optional(),
  signatureType: z.literal('personal_sign').optional(),
  audience: z.literal('challenge_access').optional(),
});

export type AuthNonce = z.output<typeof nonceResponseSchema>;

export type NonceResult = ({ kind: 'nonce' } & AuthNonce) | { kind: 'auth_disabled' };

const ACTION = 'Requesting a sign-in nonce';

/** Asks for the message to sign. The message is untrusted until `validateAuthMessage` accepts it. */
export async function requestNonce(base: CoordinatorBase, miner: Address): Promise<NonceResult> {
  const response = await base.http.post(routePath('authNonce'), { body: { miner } });
  if (isAuthDisabledResponse(response)) return { kind: 'auth_disabled' };
  if (response.status !== 200) {
    throw responseError(response, {
      action: ACTION,
      ...(response.status === 400 ? { hint: 'The coordinator refused the wallet address; check the configured wallet.' } : {}),
    });
  }
  return { kind: 'nonce', ...parseResponse(nonceResponseSchema, response, ACTION) };
}
