/**
 * Rig lane (spec/protocol.md §5): GET /v1/rig/challenge, POST /v1/rig/submit (202, processed
 * in the background) and GET /v1/rig/attempt/{attemptId}. Needs a rig-lane token.
 */
import { createHash } from 'node:crypto';
import type { Handler } from 'hono';
import { canonicalJson } from '../../../util/canonical-json.js';
import type { CoordinatorDeps } from '../deps.js';
import type { CoordinatorEnv } from '../env.js';
import { HttpError, badRequest } from '../http-error.js';
import { issuedResponse } from './issued-response.js';
import { jsonBody, requireAddress, requireNonce, requireString, requireUint } from '../params.js';
import { attemptView, isTerminal } from '../rig-attempts.js';
import { processRigAttempt } from '../rig-processing.js';
import { SessionStore } from '../sessions.js';
import { ownWallet } from '../middleware/auth.js';

export function rigChallenge(deps: CoordinatorDeps): Handler<CoordinatorEnv> {
  return async (c) => {
    const rigId = requireUint(c.req.query('rigId'), 'rigId');
    const operator = ownWallet(c.get('grant').miner, requireAddress(c.req.query('operator'), 'operator'));
    const nonce = requireNonce(c.req.query('nonce'));
    const epochId = await deps.reader.currentEpoch();
    const position = await deps.reader.rigPosition(rigId, operator, epochId);
    if (!position.exists) throw new HttpError(404, 'RIG_NOT_FOUND', `Rig ${rigId} does not exist. Check the rig id.`);
    if (!position.authorized) {
      throw new HttpError(403, 'RIG_OPERATOR_NOT_AUTHORIZED', `${operator} is not authorized to mine rig ${rigId} (not its holder or delegated operator).`);
    }
    if (position.creditsPerSolve === 0) throw new HttpError(403, 'RIG_ZERO_CREDITS', `Rig ${rigId} earns no credits, so it cannot mine.`);
    return issuedResponse(c, deps, { lane: 'rig', wallet: operator, rigId, nonce, epochId }, position);
  };
}

export function rigSubmit(deps: CoordinatorDeps): Handler<CoordinatorEnv> {
  return async (c) => {
    const idempotencyKey = c.req.header('idempotency-key');
    if (!idempotencyKey || idempotencyKey.length > 255) {
      throw badRequest('missing_idempotency_key', 'POST /v1/rig/submit needs an "Idempotency-Key" header (one per submission, reused only to retry it).');
    }
    const body = await jsonBody(() => c.req.json());
    const operator = ownWallet(c.get('grant').miner, requireAddress(body.operator, 'operator'));
    const fingerprint = createHash('sha256').update(canonicalJson(body)).digest('hex');
    const existing = deps.state.attempts.forKey(operator, idempotencyKey);
    if (existing) {
      if (existing.fingerprint !== fingerprint) {
        throw new HttpError(422, 'idempotency_key_reused', 'This Idempotency-Key was used for a different submission. Use a new key for a new submission.');
      }
      return accepted(c, existing);
    }
    const rigId = requireUint(body.rigId, 'rigId');
    const challengeId = requireString(body.challengeId, 'challengeId');
    const nonce = requireString(body.nonce, 'nonce');
    const issued = deps.state.challenges.get(challengeId);
    if (!issued || issued.lane !== 'rig' || issued.rigId !== rigId || issued.wallet !== operator || issued.nonce !== nonce) {
      throw new HttpError(404, 'challenge_not_found', 'No challenge with this id was issued to this rig and operator for this nonce. Request fresh work.');
    }
    if (String(body.challengeManifestHash ?? '').toLowerCase() !== issued.manifestHash.toLowerCase()) {
      throw new HttpError(409, 'challenge_manifest_mismatch', 'challengeManifestHash does not match the issued challenge. Echo it unchanged, or request fresh work.');
    }
    if (body.challengeAuthorization !== issued.authorization || Number(body.challengeExpiresAtMs) !== issued.expiresAtMs) {
      throw new HttpError(403, 'invalid_challenge_authorization', 'challengeAuthorization or challengeExpiresAtMs differ from the issued challenge. Echo both unchanged.');
    }
    deps.state.rigSessions.assertOpen(SessionStore.key(challengeId, nonce, issued.manifestHash));
    const attempt = deps.state.attempts.create({ operator, idempotencyKey, rigId: rigId.toString(), challengeId, fingerprint });
    setTimeout(() => {
      processRigAttempt(deps, attempt, issued, body).catch((error: unknown) => {
        deps.onError?.(error);
        deps.state.attempts.update(attempt, 'rejected', { code: 'INTERNAL_ERROR', message: 'Processing failed; submit again with a new Idempotency-Key.', retryAllowed: true });
      });
    }, deps.config.rigProcessing.delayMs);
    return accepted(c, attempt);
  };
}

export function rigAttempt(deps: CoordinatorDeps): Handler<CoordinatorEnv> {
  return async (c) => {
    const operator = ownWallet(c.get('grant').miner, requireAddress(c.req.query('operator'), 'operator'));
    const attempt = deps.state.attempts.get(c.req.param('attemptId') ?? '');
    if (!attempt || attempt.operator !== operator) {
      throw new HttpError(404, 'attempt_not_found', 'No attempt with this id for this operator.');
    }
    if (!isTerminal(attempt.status)) c.header('Retry-After', String(deps.config.rigProcessing.retryAfterSeconds));
    return c.json(attemptView(attempt));
  };
}

function accepted(c: Parameters<Handler<CoordinatorEnv>>[0], attempt: Parameters<typeof attemptView>[0]): Response {
  const statusUrl = `/v1/rig/attempt/${attempt.attemptId}?operator=${attempt.operator}`;
  if (!isTerminal(attempt.status)) c.header('Retry-After', '1');
  return c.json({ attempt: attemptView(attempt), statusUrl }, 202);
}
