/** The wallet-lane submit body (spec/protocol.md §4), built from a challenge and a solution. */
import type { Address } from 'viem';
import type { Challenge, Solution, TraceStep } from '../../challenge/types.js';
import { MinerError } from '../../errors.js';

export interface WalletSubmission {
  miner: Address;
  challengeId: string;
  artifact: string;
  /** The nonce the challenge was requested with. */
  nonce: string;
  challengeManifestHash: string;
  modelVersion: string;
  reasoningTrace: TraceStep[];
  submittedAnswers: Record<string, string>;
  pool?: string;
}

export interface WalletSubmissionInput {
  challenge: Challenge;
  nonce: string;
  solution: Solution;
  miner: Address;
  modelVersion: string;
  pool?: string;
}

export function walletSubmission(input: WalletSubmissionInput): WalletSubmission {
  const { challenge, solution } = input;
  if (challenge.challengeManifestHash === undefined) {
    throw new MinerError('INVALID_PAYLOAD', `Challenge ${challenge.challengeId} has no challengeManifestHash to echo; it cannot be submitted on the wallet lane.`, {
      hint: 'Request a new challenge from a V2+ coordinator.',
    });
  }
  return {
    miner: input.miner,
    challengeId: challenge.challengeId,
    artifact: solution.artifact,
    nonce: input.nonce,
    challengeManifestHash: challenge.challengeManifestHash,
    modelVersion: input.modelVersion,
    reasoningTrace: solution.reasoningTrace,
    submittedAnswers: solution.submittedAnswers,
    ...(input.pool !== undefined ? { pool: input.pool } : {}),
  };
}
