/**
 * The challenge GET of both lanes: issue (or repeat) the challenge at the lane's receipt-chain
 * position as the contract reports it, and answer with the issued bytes exactly, so a repeated
 * request gets a byte-identical payload.
 */
import type { Context } from 'hono';
import type { Hex } from 'viem';
import type { CoordinatorDeps } from '../deps.js';
import type { CoordinatorEnv } from '../env.js';
import { issueChallenge, type IssueRequest } from '../issue.js';

/** The receipt-chain cursor of a miner or rig, as read from its contract. */
export interface ChainPosition {
  nextIndex: bigint;
  lastReceiptHash: Hex;
  creditsPerSolve: number;
}

export async function issuedResponse(
  c: Context<CoordinatorEnv>,
  deps: CoordinatorDeps,
  request: Omit<IssueRequest, 'solveIndex' | 'prevReceiptHash' | 'creditsPerSolve'>,
  position: ChainPosition,
): Promise<Response> {
  const issued = await issueChallenge(deps, {
    ...request,
    solveIndex: position.nextIndex,
    prevReceiptHash: position.lastReceiptHash,
    creditsPerSolve: position.creditsPerSolve,
  });
  return c.body(issued.json, 200, { 'content-type': 'application/json; charset=utf-8' });
}
