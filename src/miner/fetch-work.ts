/**
 * Fetching one challenge for a slot, with the rig lane's routine refusals handled as routine:
 * `EPOCH_COMMIT_MISSING` (a new epoch's commit is not on chain yet) waits as long as the
 * coordinator asks and tries again; `RIG_CHAIN_POSITION_CHANGED` and other fresh-work answers
 * simply ask again. Anything that needs a human (`stop`) is thrown. Every request gets a fresh
 * nonce (the protocol client's default), so each fetch is a new challenge.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { isRigRefusedError, type IssuedChallenge } from '../protocol/index.js';
import { MinerError } from '../errors.js';
import type { Reporter } from './reporter.js';
import type { MinerSession } from './session.js';

/** A new epoch's commit usually lands within seconds; give up after this many tries. */
const MAX_FETCH_TRIES = 12;
const DEFAULT_RETRY_LATER_MS = 5_000;
const MAX_RETRY_LATER_MS = 60_000;

export async function fetchWork(session: MinerSession, reporter: Reporter, signal?: AbortSignal): Promise<IssuedChallenge> {
  let lastError: unknown;
  for (let tries = 1; tries <= MAX_FETCH_TRIES; tries++) {
    signal?.throwIfAborted();
    await session.gate.wait(signal);
    try {
      const { rigId } = reporter.slot;
      return rigId === undefined ? await session.coordinator.getChallenge() : await session.coordinator.getRigChallenge({ rigId });
    } catch (error) {
      if (!isRigRefusedError(error) || error.next === 'stop') throw error;
      lastError = error;
      const waitMs = error.next === 'retry_later' ? Math.min(error.retryAfterMs ?? DEFAULT_RETRY_LATER_MS, MAX_RETRY_LATER_MS) : 0;
      await reporter.error('fetch', error, { fatal: false, code: error.next === 'retry_later' ? 'WAIT' : 'VOIDED' });
      if (waitMs > 0) await delay(waitMs, undefined, signal === undefined ? {} : { signal });
    }
  }
  throw new MinerError('COORDINATOR_UNAVAILABLE', `No work after ${MAX_FETCH_TRIES} requests: the coordinator kept asking to wait or to fetch again.`, {
    hint: 'Try again in a few minutes; check `botcoin-miner epoch` and the rig with `botcoin-miner rig`.',
    cause: lastError,
  });
}
