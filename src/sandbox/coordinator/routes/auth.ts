/**
 * POST /v1/auth/nonce and POST /v1/auth/verify (spec/protocol.md §3): an eight-line message,
 * signed with EIP-191, exchanged for a bearer token of the wallet or the rig lane.
 */
import type { Handler } from 'hono';
import { verifyMessage, type Hex } from 'viem';
import { AUTH_ACTION, buildAuthMessage, nonceOfMessage } from '../auth-message.js';
import type { CoordinatorDeps } from '../deps.js';
import type { CoordinatorEnv } from '../env.js';
import { HttpError, badRequest } from '../http-error.js';
import { jsonBody, requireAddress, requireString } from '../params.js';

export function authNonce(deps: CoordinatorDeps): Handler<CoordinatorEnv> {
  return async (c) => {
    const body = await jsonBody(() => c.req.json());
    const miner = requireAddress(body.miner, 'miner').toLowerCase();
    const host = c.req.header('host') ?? new URL(c.req.url).host;
    const issuedAt = new Date(deps.now());
    const issued = deps.state.auth.issueNonce(miner, deps.config.nonceTtlSeconds, (nonce, expiresAtMs) =>
      buildAuthMessage({ host, address: miner, nonce, issuedAt, expiresAt: new Date(expiresAtMs), chainId: deps.chainId }),
      issuedAt.getTime(),
    );
    return c.json({
      miner: body.miner,
      nonce: issued.nonce,
      issuedAt: issuedAt.toISOString(),
      expiresAt: new Date(issued.expiresAtMs).toISOString(),
      message: issued.message,
      tokenTtlSeconds: deps.config.tokenTtlSeconds,
      signatureType: 'personal_sign',
      audience: AUTH_ACTION,
    });
  };
}

export function authVerify(deps: CoordinatorDeps): Handler<CoordinatorEnv> {
  return async (c) => {
    const body = await jsonBody(() => c.req.json());
    const miner = requireAddress(body.miner, 'miner');
    const message = requireString(body.message, 'message');
    const signature = requireString(body.signature, 'signature');
    if (body.lane !== undefined && body.lane !== 'rig') throw badRequest('invalid_lane', '"lane" is either absent (wallet lane) or "rig".');
    const nonce = nonceOfMessage(message);
    if (!nonce) throw badRequest('invalid_message', '"message" must be the eight-line message from POST /v1/auth/nonce, unchanged.');
    const issued = deps.state.auth.peekNonce(nonce);
    if (!issued || issued.message !== message) {
      throw new HttpError(401, 'invalid_nonce', 'The nonce is unknown, used or expired, or the message was changed. Request a new one (POST /v1/auth/nonce).');
    }
    if (issued.miner !== miner.toLowerCase()) {
      throw new HttpError(401, 'address_mismatch', '"miner" is not the address in the signed message. Send the address the nonce was issued to.');
    }
    const valid = /^0x[0-9a-fA-F]+$/.test(signature) && (await verifyMessage({ address: miner, message, signature: signature as Hex }).catch(() => false));
    if (!valid) throw new HttpError(401, 'invalid_signature', 'The signature does not recover to "miner". Sign the message exactly as received with personal_sign (EIP-191).');
    deps.state.auth.consumeNonce(nonce);
    const lane = body.lane === 'rig' ? 'rig' : 'wallet';
    const grant = deps.state.auth.issueToken(miner.toLowerCase(), lane, deps.config.tokenTtlSeconds);
    const creditsPerSolve = lane === 'wallet' ? (await deps.reader.minerPosition(miner)).creditsPerSolve : 0;
    return c.json({
      token: grant.token,
      tokenType: 'Bearer',
      expiresAt: new Date(grant.expiresAtMs).toISOString(),
      expiresInSeconds: deps.config.tokenTtlSeconds,
      audience: AUTH_ACTION,
      miner: body.miner,
      creditsPerSolve,
      ...(lane === 'rig' ? { lane } : {}),
    });
  };
}
