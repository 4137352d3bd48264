import type { LedgerRecordInput, ReceiptStateName } from '../../../src/ledger/records.js';

export const WALLET = '0x90F79bf6EB2c4f870365E785982E1f101E93b906';
export const MINING_CONTRACT = '0xB61BC7487424172CB9fa9dD381a9eC06C7067dCd';

/** A 32-byte hash made from a small number, so tests can tell transactions apart. */
export function txHash(n: number): string {
  return `0x${n.toString(16).padStart(64, '0')}`;
}

export function attempt(challengeId: string, n: number, ts?: string): LedgerRecordInput {
  return {
    kind: 'attempt',
    challengeId,
    attempt: n,
    artifact: 'Northwind Analytics 4036 7+9=16',
    reasoningTrace: [{ id: 's1', type: 'extract_fact' }],
    submittedAnswers: { q01: 'Northwind Analytics' },
    localCheck: { pass: true, constraintsPassed: 8, constraintsTotal: 8 },
    ...(ts ? { ts } : {}),
  };
}

export function feedback(challengeId: string, n: number, pass: boolean, ts?: string): LedgerRecordInput {
  return {
    kind: 'feedback',
    challengeId,
    attempt: n,
    pass,
    ...(pass ? {} : { constraintsPassed: 6, constraintsTotal: 8, attemptsRemaining: 3 - n }),
    raw: { pass },
    ...(ts ? { ts } : {}),
  };
}

export function modelCall(costUsd: number | null, ts?: string): LedgerRecordInput {
  return {
    kind: 'model_call',
    provider: 'openai',
    model: 'gpt-test',
    messages: [{ role: 'user', content: 'Answer the questions.' }],
    response: '{"q01":"Northwind Analytics"}',
    usage: { promptTokens: 1000, completionTokens: 200, totalTokens: 1200 },
    costUsd,
    latencyMs: 1500,
    ...(ts ? { ts } : {}),
  };
}

/** A receipt record in `state`; `signed` carries the full signed facts for a rig-lane receipt. */
export function receipt(
  state: ReceiptStateName,
  position: { epochId: string; solveIndex: string; rigId?: string },
  extra: { ts?: string; tx?: number; creditsEarned?: string } = {},
): LedgerRecordInput {
  const rigId = position.rigId ?? '7';
  const receiptId = `rig:${rigId}:${position.epochId}:${position.solveIndex}`;
  const hash = txHash(extra.tx ?? 1);
  const ts = extra.ts ? { ts: extra.ts } : {};
  switch (state) {
    case 'signed':
      return {
        kind: 'receipt',
        receiptId,
        state,
        lane: 'rig',
        rigId,
        miner: WALLET,
        epochId: position.epochId,
        solveIndex: position.solveIndex,
        challengeId: `c-${position.epochId}-${position.solveIndex}`,
        receipt: { rigId, epochId: position.epochId, solveIndex: position.solveIndex },
        transaction: { to: MINING_CONTRACT, chainId: 8453, value: '0', data: '0xa7a1566f' },
        rawTransaction: '0x02f8',
        txHash: hash,
        ...ts,
      };
    case 'broadcast':
      return { kind: 'receipt', receiptId, state, txHash: hash, ...ts };
    case 'confirmed':
      return {
        kind: 'receipt',
        receiptId,
        state,
        txHash: hash,
        blockNumber: '100',
        ...(extra.creditsEarned ? { creditsEarned: extra.creditsEarned } : {}),
        ...ts,
      };
    case 'reverted':
      return { kind: 'receipt', receiptId, state, txHash: hash, revertError: 'ChainMismatch', ...ts };
    case 'dropped':
      return { kind: 'receipt', receiptId, state, txHash: hash, reason: 'not seen for 10 minutes', ...ts };
  }
}
