/** The rig-lane submit body (spec/protocol.md §5), built from a rig challenge and a solution. */
import type { Address } from 'viem';
import type { Challenge, Solution, TraceStep } from '../../challenge/types.js';
import { MinerError } from '../../errors.js';

export interface RigSubmission {
  rigId: string;
  operator: Address;
  challengeId: string;
  artifact: string;
  nonce: string;
  challengeManifestHash: string;
  challengeExpiresAtMs: number;
  challengeAuthorization: string;
  modelVersion: string;
  reasoningTrace: TraceStep[];
  submittedAnswers?: Record<string, string>;
}

export interface RigSubmissionInput {
  challenge: Challenge;
  nonce: string;
  solution: Solution;
  modelVersion: string;
}

/** Echoes the challenge's rig binding (rig, operator, expiry, authorization) unchanged. */
export function rigSubmission(input: RigSubmissionInput): RigSubmission {
  const { challenge, solution } = input;
  if (!challenge.rig || challenge.challengeManifestHash === undefined) {
    throw new MinerError('INVALID_PAYLOAD', `Challenge ${challenge.challengeId} is not a rig-lane challenge; it cannot be submitted to /v1/rig/submit.`, {
      hint: 'Request rig work with --rig <rigId>.',
    });
  }
  return {
    rigId: challenge.rig.rigId,
    operator: challenge.rig.operator as Address,
    challengeId: challenge.challengeId,
    artifact: solution.artifact,
    nonce: input.nonce,
    challengeManifestHash: challenge.challengeManifestHash,
    challengeExpiresAtMs: challenge.rig.challengeExpiresAtMs,
    challengeAuthorization: challenge.rig.challengeAuthorization,
    modelVersion: input.modelVersion,
    reasoningTrace: solution.reasoningTrace,
    submittedAnswers: solution.submittedAnswers,
  };
}
