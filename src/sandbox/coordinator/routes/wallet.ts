/**
 * Wallet lane (spec/protocol.md §4): GET /v1/challenge and POST /v1/submit. Stake-gated;
 * the challenge is bound to the miner's on-chain cursor; a pass returns a signed receipt and
 * the `submitReceipt` transaction for the miner to broadcast.
 */
import type { Handler } from 'hono';
import { getAddress } from 'viem';
import type { CoordinatorDeps, PassResponse } from '../deps.js';
import type { CoordinatorEnv } from '../env.js';
import { receiptHolder, tamperTransaction } from '../hostile.js';
import { HttpError } from '../http-error.js';
import { ownWallet } from '../middleware/auth.js';
import { issuedResponse } from './issued-response.js';
import { failureFeedback, judgeSubmission } from '../judge.js';
import { jsonBody, requireAddress, requireNonce, requireString } from '../params.js';
import { receiptContent } from '../receipt-content.js';
import { signWalletReceipt } from '../receipt-signer.js';
import { SessionStore } from '../sessions.js';

export function walletChallenge(deps: CoordinatorDeps): Handler<CoordinatorEnv> {
  return async (c) => {
    const miner = ownWallet(c.get('grant').miner, requireAddress(c.req.query('miner'), 'miner'));
    const nonce = requireNonce(c.req.query('nonce'));
    const [epochId, position] = await Promise.all([deps.reader.currentEpoch(), deps.reader.minerPosition(miner)]);
    if (!position.eligible) {
      throw new HttpError(403, 'NOT_ELIGIBLE', `${miner} has no eligible stake on BotcoinMining. Stake at least the lowest tier (GET /v1/stake-approve-calldata, /v1/stake-calldata), then retry.`);
    }
    return issuedResponse(c, deps, { lane: 'wallet', wallet: miner, nonce, epochId }, position);
  };
}

export function walletSubmit(deps: CoordinatorDeps): Handler<CoordinatorEnv> {
  return async (c) => {
    const body = await jsonBody(() => c.req.json());
    const miner = ownWallet(c.get('grant').miner, requireAddress(body.miner, 'miner'));
    const challengeId = requireString(body.challengeId, 'challengeId');
    const nonce = requireString(body.nonce, 'nonce');
    const manifestHash = requireString(body.challengeManifestHash, 'challengeManifestHash');
    const issued = deps.state.challenges.get(challengeId);
    if (!issued || issued.lane !== 'wallet' || issued.wallet !== miner || issued.nonce !== nonce) {
      throw new HttpError(404, 'challenge_not_found', 'No challenge with this id was issued to this miner for this nonce. Request a new challenge.');
    }
    if (manifestHash.toLowerCase() !== issued.manifestHash.toLowerCase()) {
      throw new HttpError(409, 'challenge_manifest_mismatch', 'challengeManifestHash does not match the issued challenge. Echo it unchanged, or request a new challenge.');
    }
    const [epochId, position] = await Promise.all([deps.reader.currentEpoch(), deps.reader.minerPosition(miner)]);
    if (epochId !== issued.epochId || position.nextIndex !== issued.solveIndex || position.lastReceiptHash !== issued.prevReceiptHash) {
      throw new HttpError(404, 'challenge_stale', 'The epoch or your receipt chain moved since this challenge was issued. Request a new challenge.');
    }
    const ticket = deps.state.walletSessions.beginAttempt(SessionStore.key(challengeId, nonce, issued.manifestHash));
    if (ticket.kind === 'passed') return c.json(ticket.result);
    const judgement = judgeSubmission(issued, body);
    if (!judgement.pass) {
      const { session } = ticket;
      return c.json(failureFeedback(judgement.report, session.attemptsUsed, deps.state.walletSessions.remaining(session)));
    }
    const mode = deps.hostile();
    const signed = await signWalletReceipt(
      deps.signer,
      deps.domains,
      receiptHolder(mode, getAddress(miner)),
      receiptContent({ ...issued, submittedAnswers: judgement.submittedAnswers }),
    );
    const response: PassResponse = {
      pass: true,
      ...signed,
      transaction: tamperTransaction(mode, signed.transaction, deps.reader.contracts.botcoin),
    };
    deps.state.walletSessions.recordPass(ticket.session, response);
    return c.json(response);
  };
}
