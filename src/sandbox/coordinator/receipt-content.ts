/**
 * The signed content of a receipt (both lanes): what was issued (doc, questions, constraints,
 * seed), what was answered, and where it sits in the miner's or rig's chain of receipts.
 */
import { keccak256, stringToHex, type Hex } from 'viem';
import { canonicalJson } from '../../util/canonical-json.js';

/** Bumped whenever the verification rules change meaning. */
export const RULES_VERSION = 1;

export interface ReceiptContent {
  epochId: bigint;
  solveIndex: bigint;
  prevReceiptHash: Hex;
  challengeId: Hex;
  commit: Hex;
  docHash: Hex;
  questionsHash: Hex;
  constraintsHash: Hex;
  answersHash: Hex;
  worldSeed: bigint;
  rulesVersion: number;
}

export interface ReceiptSource {
  epochId: bigint;
  solveIndex: bigint;
  prevReceiptHash: Hex;
  challengeId: string;
  commit: Hex;
  payload: Record<string, unknown>;
  seed: bigint;
  submittedAnswers: Record<string, string>;
}

export function receiptContent(source: ReceiptSource): ReceiptContent {
  return {
    epochId: source.epochId,
    solveIndex: source.solveIndex,
    prevReceiptHash: source.prevReceiptHash,
    challengeId: challengeIdBytes(source.challengeId),
    commit: source.commit,
    docHash: keccak256(stringToHex(String(source.payload.doc ?? ''))),
    questionsHash: jsonHash(source.payload.questions ?? []),
    constraintsHash: jsonHash(source.payload.constraints ?? []),
    answersHash: jsonHash(source.submittedAnswers),
    worldSeed: source.seed,
    rulesVersion: RULES_VERSION,
  };
}

/** `submitReceipt`'s arguments after the miner (and `submitRigReceipt`'s after rig and operator), in the contracts' order. */
export function receiptContentArgs(c: ReceiptContent): unknown[] {
  return [
    c.epochId,
    c.solveIndex,
    c.prevReceiptHash,
    c.challengeId,
    c.commit,
    c.docHash,
    c.questionsHash,
    c.constraintsHash,
    c.answersHash,
    c.worldSeed,
    c.rulesVersion,
  ];
}

/** A bytes32 challenge id as is; any other id string is hashed into one. */
function challengeIdBytes(challengeId: string): Hex {
  return /^0x[0-9a-fA-F]{64}$/.test(challengeId) ? (challengeId.toLowerCase() as Hex) : keccak256(stringToHex(challengeId));
}

function jsonHash(value: unknown): Hex {
  return keccak256(stringToHex(canonicalJson(value)));
}
