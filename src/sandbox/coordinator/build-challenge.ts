/**
 * Builds the payload a miner receives: the generator's challenge for a derived seed, plus the
 * receipt-chain position (`epochId`, `solveIndex`, `prevReceiptHash`), `creditsPerSolve`, the
 * rig binding on the rig lane, and `challengeManifestHash` recomputed over the final payload.
 */
import { createHmac } from 'node:crypto';
import { getAddress, type Address, type Hex } from 'viem';
import { parseChallenge } from '../../challenge/parse.js';
import { isMinerError } from '../../errors.js';
import { generateChallenge, listDomains, type GeneratedChallenge } from '../generator/index.js';
import { canonicalJson } from '../../util/canonical-json.js';
import { manifestHash } from '../generator/manifest.js';
import type { Lane } from './auth-store.js';
import type { IssuedChallenge } from './challenge-store.js';
import { deriveSeed, domainForSeed } from './seed.js';

/** Who a challenge is for and where it sits in their receipt chain (shared with `IssueRequest`). */
export interface ChallengeSlot {
  lane: Lane;
  wallet: Address;
  nonce: string;
  epochId: bigint;
  solveIndex: bigint;
  prevReceiptHash: Hex;
  creditsPerSolve: number;
}

export interface ChallengeRequest extends ChallengeSlot {
  commit: Hex;
  epochSecret: Hex;
  rig?: { rigId: bigint; expiresAtMs: number; serverSecret: Hex };
}

/** Seeds tried per request: the generator rarely finds no sound challenge for a seed. */
const SEED_ATTEMPTS = 3;
let domains: string[] | undefined;

export function buildChallenge(request: ChallengeRequest): IssuedChallenge {
  const { seed, generated } = generate(request);
  const { challengeManifestHash: _ignored, ...content } = generated.payload;
  const challengeId = String(content.challengeId);
  const payload: Record<string, unknown> = {
    epochId: request.epochId.toString(),
    solveIndex: request.solveIndex.toString(),
    prevReceiptHash: request.prevReceiptHash,
    ...content,
    creditsPerSolve: request.creditsPerSolve,
  };
  let authorization: string | undefined;
  if (request.rig) {
    const operator = getAddress(request.wallet);
    authorization = rigAuthorization(request.rig.serverSecret, {
      challengeId,
      rigId: request.rig.rigId.toString(),
      operator,
      epochId: request.epochId.toString(),
      solveIndex: request.solveIndex.toString(),
      prevReceiptHash: request.prevReceiptHash,
      challengeExpiresAtMs: request.rig.expiresAtMs,
    });
    Object.assign(payload, {
      rigId: request.rig.rigId.toString(),
      operator,
      challengeExpiresAtMs: request.rig.expiresAtMs,
      challengeAuthorization: authorization,
    });
  }
  const hash = manifestHash(payload);
  const final = { ...payload, challengeManifestHash: hash };
  return {
    lane: request.lane,
    challengeId,
    nonce: request.nonce,
    wallet: request.wallet,
    ...(request.rig ? { rigId: request.rig.rigId, expiresAtMs: request.rig.expiresAtMs, authorization } : {}),
    epochId: request.epochId,
    solveIndex: request.solveIndex,
    prevReceiptHash: request.prevReceiptHash,
    commit: request.commit,
    seed,
    payload: final,
    json: JSON.stringify(final),
    manifestHash: hash,
    answerKey: generated.answerKey,
    challenge: parseChallenge(final),
  };
}

/** The generator's challenge for the request's seed; on a seed it cannot use, deterministic follow-up seeds. */
function generate(request: ChallengeRequest): { seed: bigint; generated: GeneratedChallenge } {
  const identity = request.rig ? `rig:${request.rig.rigId}` : `wallet:${request.wallet}`;
  domains ??= listDomains().map((d) => d.name);
  for (let attempt = 0; ; attempt++) {
    const nonce = attempt === 0 ? request.nonce : `${request.nonce}#${attempt}`;
    const seed = deriveSeed({ epochSecret: request.epochSecret, identity, cursor: request.solveIndex, nonce });
    try {
      return { seed, generated: generateChallenge({ seed, domain: domainForSeed(seed, domains) }) };
    } catch (error) {
      if (!isMinerError(error) || attempt + 1 >= SEED_ATTEMPTS) throw error;
    }
  }
}

interface RigBindingFields {
  challengeId: string;
  rigId: string;
  operator: string;
  epochId: string;
  solveIndex: string;
  prevReceiptHash: string;
  challengeExpiresAtMs: number;
}

/** Opaque to the miner: an HMAC of the binding under the server secret, checked at submit. */
function rigAuthorization(serverSecret: Hex, binding: RigBindingFields): string {
  return `v1.${createHmac('sha256', Buffer.from(serverSecret.slice(2), 'hex')).update(canonicalJson(binding)).digest('base64url')}`;
}
