/**
 * Issues a challenge for a request, or returns the one already issued for the same request
 * (same lane identity, epoch, cursor and nonce), so repeats are byte-identical.
 */
import type { Hex } from 'viem';
import { dumpAnswerKey } from './answer-key-dump.js';
import { buildChallenge, type ChallengeSlot } from './build-challenge.js';
import type { RewardsContract } from './chain-reader.js';
import { ChallengeStore, type IssuedChallenge } from './challenge-store.js';
import type { CoordinatorDeps } from './deps.js';
import { HttpError } from './http-error.js';

export interface IssueRequest extends ChallengeSlot {
  rigId?: bigint;
}

export async function issueChallenge(deps: CoordinatorDeps, request: IssueRequest): Promise<IssuedChallenge> {
  const identity = request.rigId === undefined ? request.wallet : `${request.rigId}:${request.wallet}`;
  const key = ChallengeStore.requestKey(request.lane, identity, request.epochId, request.solveIndex, request.nonce);
  // Concurrent identical requests share one issuance, so they get the same bytes (and rig expiry).
  return deps.state.challenges.once(key, () => issueNew(deps, request, key));
}

async function issueNew(deps: CoordinatorDeps, request: IssueRequest, key: string): Promise<IssuedChallenge> {
  const commit = await epochCommit(deps, request.lane === 'rig' ? 'rigMining' : 'mining', request.epochId);
  const issued = buildChallenge({
    ...request,
    commit,
    epochSecret: deps.operator.secret(request.epochId),
    ...(request.rigId === undefined
      ? {}
      : {
          rig: {
            rigId: request.rigId,
            expiresAtMs: deps.now() + deps.config.rigChallengeTtlSeconds * 1000,
            serverSecret: deps.config.serverSecret,
          },
        }),
  });
  deps.state.challenges.dropEpochsBefore(request.epochId);
  deps.state.challenges.add(key, issued);
  if (deps.config.answerKeyDir) await dumpAnswerKey(deps.config.answerKeyDir, issued);
  return issued;
}

/** The epoch's on-chain commit (set now if missing); 503 `EPOCH_COMMIT_MISSING` when that fails. */
async function epochCommit(deps: CoordinatorDeps, lane: RewardsContract, epochId: bigint): Promise<Hex> {
  try {
    return await deps.operator.ensureCommit(lane, epochId);
  } catch (error) {
    deps.onError?.(error);
    throw new HttpError(503, 'EPOCH_COMMIT_MISSING', `Epoch ${epochId} has no commit on chain yet. Retry in a few seconds.`, { retryAfterSeconds: 2 }, { 'Retry-After': '2' });
  }
}
