/**
 * Background processing of a queued rig attempt: expiry, the rig's chain position and
 * authorization (work is voided when they change), the multi-pass session, then judging and
 * signing. Every outcome is a terminal attempt status; nothing here answers HTTP.
 */
import { getAddress } from 'viem';
import type { IssuedChallenge } from './challenge-store.js';
import type { CoordinatorDeps } from './deps.js';
import { receiptHolder, tamperTransaction } from './hostile.js';
import { HttpError } from './http-error.js';
import { failureFeedback, judgeSubmission } from './judge.js';
import { receiptContent } from './receipt-content.js';
import { signRigReceipt } from './receipt-signer.js';
import type { RigAttempt } from './rig-attempts.js';
import { SessionStore } from './sessions.js';

const RIG_LANE_ID = 'rig-standard-v1';

export async function processRigAttempt(
  deps: CoordinatorDeps,
  attempt: RigAttempt,
  issued: IssuedChallenge,
  body: Record<string, unknown>,
): Promise<void> {
  const attempts = deps.state.attempts;
  attempts.update(attempt, 'processing');
  if (issued.expiresAtMs !== undefined && deps.now() > issued.expiresAtMs) {
    attempts.update(attempt, 'expired', refusal('CHALLENGE_EXPIRED', 'The challenge expired before it was processed. Request fresh work.'));
    return;
  }
  const rigId = issued.rigId ?? 0n;
  const epochId = await deps.reader.currentEpoch();
  const position = await deps.reader.rigPosition(rigId, issued.wallet, epochId);
  if (!position.authorized) {
    attempts.update(attempt, 'rejected', refusal('RIG_OPERATOR_NOT_AUTHORIZED', 'The operator is no longer authorized for this rig. Request fresh work.'));
    return;
  }
  if (epochId !== issued.epochId || position.nextIndex !== issued.solveIndex || position.lastReceiptHash !== issued.prevReceiptHash) {
    attempts.update(attempt, 'rejected', refusal('RIG_CHAIN_POSITION_CHANGED', "The rig's epoch or receipt cursor moved since the challenge was issued. Discard it and fetch fresh work."));
    return;
  }
  const sessions = deps.state.rigSessions;
  let ticket;
  try {
    ticket = sessions.beginAttempt(SessionStore.key(issued.challengeId, issued.nonce, issued.manifestHash));
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    attempts.update(attempt, 'rejected', refusal(error.code, error.message));
    return;
  }
  if (ticket.kind === 'passed') {
    attempts.update(attempt, 'signed', { lane: RIG_LANE_ID, ...ticket.result });
    return;
  }
  const judgement = judgeSubmission(issued, body);
  if (!judgement.pass) {
    attempts.update(attempt, 'rejected', { ...failureFeedback(judgement.report, ticket.session.attemptsUsed, sessions.remaining(ticket.session)) });
    return;
  }
  const mode = deps.hostile();
  const signed = await signRigReceipt(
    deps.signer,
    deps.domains,
    rigId,
    receiptHolder(mode, getAddress(issued.wallet)),
    receiptContent({ ...issued, submittedAnswers: judgement.submittedAnswers }),
  );
  const result = { ...signed, transaction: tamperTransaction(mode, signed.transaction, deps.reader.contracts.botcoin) };
  sessions.recordPass(ticket.session, result);
  attempts.update(attempt, 'signed', { lane: RIG_LANE_ID, ...result });
}

function refusal(code: string, message: string): Record<string, unknown> {
  return { code, message, retryAllowed: false };
}
