/**
 * The attempt loop's ledger records (src/ledger/records.ts has the schemas), each written with
 * its matching event: the challenge (payload in a side file), every model call, the
 * coordinator's feedback. Records carry only what the coordinator or model said and what we
 * computed; the wallet key never reaches them (the ledger also refuses any registered secret).
 */
import type { Ledger } from '../ledger/index.js';
import type { IssuedChallenge } from '../protocol/index.js';
import type { ModelCallRecord } from '../solver/strategy.js';
import type { Reporter } from './reporter.js';
import type { MinerSession } from './session.js';
import type { Verdict } from './submit-attempt.js';

export async function recordChallenge(session: MinerSession, reporter: Reporter, issued: IssuedChallenge): Promise<void> {
  const { challenge } = issued;
  const payload = await session.ledger.storePayload(challenge.raw);
  await session.ledger.append({
    kind: 'challenge',
    challengeId: challenge.challengeId,
    lane: reporter.slot.lane,
    ...(reporter.slot.rigId === undefined ? {} : { rigId: reporter.slot.rigId }),
    miner: session.address,
    ...(challenge.epochId === undefined ? {} : { epochId: challenge.epochId }),
    ...(challenge.solveIndex === undefined ? {} : { solveIndex: challenge.solveIndex }),
    ...(challenge.domain === undefined ? {} : { domain: challenge.domain }),
    ...(challenge.challengeManifestHash === undefined ? {} : { manifestHash: challenge.challengeManifestHash }),
    nonce: issued.nonce,
    ...(challenge.rig ? { expiresAtMs: challenge.rig.challengeExpiresAtMs } : {}),
    payload,
  });
  reporter.emit({
    type: 'challenge',
    challengeId: challenge.challengeId,
    ...(challenge.epochId === undefined ? {} : { epochId: challenge.epochId }),
    ...(challenge.solveIndex === undefined ? {} : { solveIndex: challenge.solveIndex }),
    ...(challenge.domain === undefined ? {} : { domain: challenge.domain }),
    ...(challenge.rig ? { expiresAtMs: challenge.rig.challengeExpiresAtMs } : {}),
  });
}

export async function recordModelCall(ledger: Ledger, reporter: Reporter, call: ModelCallRecord, challengeId: string, attempt: number): Promise<void> {
  await ledger.append({
    kind: 'model_call',
    challengeId,
    attempt,
    provider: call.provider,
    model: call.model,
    ...(call.system === undefined ? {} : { system: call.system }),
    messages: call.messages,
    response: call.response,
    usage: call.usage,
    costUsd: call.costUsd ?? null,
    latencyMs: call.latencyMs,
    ...(call.finishReason === undefined ? {} : { finishReason: call.finishReason }),
    ...(call.error === undefined ? {} : { error: call.error }),
  });
  reporter.emit({
    type: 'model_call',
    challengeId,
    attempt,
    provider: call.provider,
    model: call.model,
    promptTokens: call.usage.promptTokens,
    completionTokens: call.usage.completionTokens,
    costUsd: call.costUsd ?? null,
    latencyMs: call.latencyMs,
    ...(call.error === undefined ? {} : { error: call.error }),
  });
}

export async function recordFeedback(session: MinerSession, reporter: Reporter, challengeId: string, attempt: number, verdict: Verdict): Promise<void> {
  const fail = verdict.kind === 'fail' ? verdict : undefined;
  const f = fail?.feedback;
  const fields = {
    ...(fail?.status === undefined ? {} : { status: fail.status }),
    ...(f?.retryAllowed === undefined ? {} : { retryAllowed: f.retryAllowed }),
    ...(f?.attemptsRemaining === undefined ? {} : { attemptsRemaining: f.attemptsRemaining }),
    ...(f?.constraintsPassed === undefined ? {} : { constraintsPassed: f.constraintsPassed }),
    ...(f?.constraintsTotal === undefined ? {} : { constraintsTotal: f.constraintsTotal }),
    ...(f?.questionAnswersCorrect === undefined ? {} : { questionAnswersCorrect: f.questionAnswersCorrect }),
    ...(f?.questionAnswersTotal === undefined ? {} : { questionAnswersTotal: f.questionAnswersTotal }),
    ...(f?.questionAnswersRequired === undefined ? {} : { questionAnswersRequired: f.questionAnswersRequired }),
  };
  // A void verdict is not the coordinator judging the attempt: it is recorded as an error by the loop.
  if (verdict.kind === 'void') return;
  await session.ledger.append({
    kind: 'feedback',
    challengeId,
    attempt,
    pass: verdict.kind === 'pass',
    ...fields,
    ...(fail?.failedConstraintIndices ? { failedConstraintIndices: fail.failedConstraintIndices } : {}),
    // A pass's raw answer holds the receipt and transaction: recovery signs from it after a crash.
    raw: verdict.raw,
  });
  reporter.emit({ type: 'verdict', challengeId, attempt, pass: verdict.kind === 'pass', ...fields });
}
