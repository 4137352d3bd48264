/**
 * One submission outside `mine` (the `submit` command, an agent tool): the current challenge (or
 * a payload file matched to the ledger for its nonce), in-flight receipts settled first (before
 * this receipt takes a nonce), the attempt number from the ledger, the answer parsed as an agent
 * writes it (JSON, possibly wrapped in prose or fences), then `submitSolved` — local check,
 * submit, feedback and, on a pass, the receipt.
 */
import { MinerError } from '../errors.js';
import { MAX_ATTEMPTS, submitSolved, type SubmitOutcome } from './attempt-loop.js';
import { loadChallenge } from './current-challenge.js';
import type { EventSink } from './events.js';
import { attemptHistory } from './history.js';
import { recoverReceipts } from './recovery.js';
import { Reporter } from './reporter.js';
import type { MinerSession } from './session.js';

export async function submitOnce(session: MinerSession, answer: unknown, options: { challengeFile?: string; onEvent?: EventSink } = {}): Promise<SubmitOutcome> {
  const { issued, slot } = await loadChallenge(session.ledger, options.challengeFile);
  const challengeId = issued.challenge.challengeId;
  await recoverReceipts(session, options.onEvent ? { onEvent: options.onEvent } : {});
  const history = await attemptHistory(session.ledger, issued.challenge);
  if (history.some((h) => h.feedback?.pass)) {
    throw new MinerError('BAD_USAGE', `Challenge ${challengeId} has already passed.`, { hint: 'Fetch a new one with `botcoin-miner challenge`.' });
  }
  const attempt = history.length + 1;
  if (attempt > MAX_ATTEMPTS) {
    throw new MinerError('UNSOLVED', `Challenge ${challengeId} has used its ${MAX_ATTEMPTS} attempts.`, { hint: 'Fetch a new one with `botcoin-miner challenge`.' });
  }
  const { acceptAgentSolution } = await import('../solver/strategies/agent.js');
  const { solution } = acceptAgentSolution(issued.challenge, answer);
  return submitSolved(session, new Reporter(slot, session.ledger, options.onEvent), issued, attempt, solution);
}
