/**
 * Submission answers both lanes share (spec/protocol.md §§4, 9): counts-only multi-pass
 * feedback, a stale challenge (404), and a challenge that can no longer be used (409: manifest
 * mismatch, multi-pass session expired or exhausted).
 */
import { readErrorFields } from './http/response-error.js';
import type { HttpResponse } from './http/types.js';

/** 404: the challenge is unknown or stale (epoch or receipt chain moved). Request a new one. */
export interface StaleChallenge {
  kind: 'stale_challenge';
  code?: string;
  message?: string;
}

/** 409: this challenge cannot take another attempt. Request a new challenge with a new nonce. */
export interface NewChallengeNeeded {
  kind: 'new_challenge_needed';
  /** `challenge_manifest_mismatch`, `session_expired`, `session_exhausted`, or the coordinator's own code. */
  reason: string;
  message?: string;
}

/** The 404/409 answers of a submit, or undefined for any other status. */
export function challengeGone(response: HttpResponse): StaleChallenge | NewChallengeNeeded | undefined {
  const { error, code, message } = readErrorFields(response.body);
  const label = code ?? error;
  if (response.status === 404) {
    return { kind: 'stale_challenge', ...(label ? { code: label } : {}), ...(message ? { message } : {}) };
  }
  if (response.status === 409) {
    return { kind: 'new_challenge_needed', reason: label ?? 'conflict', ...(message ? { message } : {}) };
  }
  return undefined;
}
