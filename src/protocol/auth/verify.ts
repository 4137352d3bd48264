/** POST /v1/auth/verify (spec/protocol.md §3, step 4): the signed message → a bearer token. */
import { z } from 'zod';
import type { Hex } from 'viem';
import type { CoordinatorBase } from '../context.js';
import { readErrorFields, responseError } from '../http/response-error.js';
import { invalidResponse, parseResponse } from '../response.js';
import { routePath } from '../routes.js';
import { isAuthDisabledResponse } from './auth-disabled.js';
import type { Lane } from './session.js';

export interface VerifyRequest {
  /** The address exactly as the message writes it. */
  miner: string;
  message: string;
  signature: Hex;
  lane: Lane;
  agentId?: string;
}

const verifyResponseSchema = z
  .looseObject({
    token: z.string().min(1),
    tokenType: z.string().regex(/^bearer$/i, 'expected "Bearer"').optional(),
    expiresAt: z.string().optional(),
    expiresInSeconds: z.number().positive().optional(),
    audience: z.string().optional(),
    miner: z.string().optional(),
    creditsPerSolve: z.number().nonnegative().optional(),
    lane: z.string().optional(),
    binding: z.unknown().optional(),
  })
  .refine((body) => body.expiresInSeconds !== undefined || (body.expiresAt !== undefined && !Number.isNaN(Date.parse(body.expiresAt))), {
    message: 'expected "expiresInSeconds" or an ISO "expiresAt"',
  });

export type VerifiedToken = z.output<typeof verifyResponseSchema>;

export type VerifyResult = ({ kind: 'token' } & VerifiedToken) | { kind: 'auth_disabled' };

const ACTION = 'Signing in';

export async function verifySignature(base: CoordinatorBase, request: VerifyRequest): Promise<VerifyResult> {
  const body = {
    miner: request.miner,
    message: request.message,
    signature: request.signature,
    ...(request.lane === 'rig' ? { lane: 'rig' } : {}),
    ...(request.agentId !== undefined ? { agentId: request.agentId } : {}),
  };
  const response = await base.http.post(routePath('authVerify'), { body });
  if (isAuthDisabledResponse(response)) return { kind: 'auth_disabled' };
  if (response.status === 200) {
    const token = parseResponse(verifyResponseSchema, response, ACTION);
    if (request.lane === 'rig' && token.lane !== undefined && token.lane !== 'rig') {
      invalidResponse(response, ACTION, `asked for a rig-lane token, got lane ${JSON.stringify(token.lane)}`);
    }
    return { kind: 'token', ...token };
  }
  throw responseError(response, { action: ACTION, ...verifyRefusal(response.status, response.body) });
}

function verifyRefusal(status: number, body: unknown): { code?: 'AUTH_REFUSED' | 'NOT_ELIGIBLE'; hint?: string } {
  if (status === 401) {
    return {
      code: 'AUTH_REFUSED',
      hint: 'The signature or nonce was not accepted (nonces are single-use and live 5 minutes); try again, and check this computer\'s clock.',
    };
  }
  if (status === 403) {
    const { error, message } = readErrorFields(body);
    const said = `${error ?? ''} ${message ?? ''}`;
    return {
      code: 'NOT_ELIGIBLE',
      hint: /rig/i.test(said)
        ? 'This wallet operates no rig the coordinator knows; check the rig\'s owner, delegation or lease.'
        : 'This wallet is not eligible to mine: stake at least the lowest tier (`botcoin-miner stake`) or mine a rig you operate.',
    };
  }
  return {};
}
