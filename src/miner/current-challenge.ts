/**
 * The agent flow's "current challenge" (`challenge` → `solve --strategy agent` → `submit`): the
 * last challenge `challenge` fetched for this wallet, kept beside its ledger as
 * `current-challenge.json` = `{challengeId, lane, rigId?, nonce, payload}`. `submit` needs the
 * request nonce, which the payload does not carry; a challenge given as a file instead is matched
 * to its ledger `challenge` record by id for the nonce and the lane.
 */
import { join } from 'node:path';
import { parseChallenge } from '../challenge/parse.js';
import { MinerError } from '../errors.js';
import { readJsonFile, writeJsonFile } from '../io/json-file.js';
import type { Ledger } from '../ledger/index.js';
import type { IssuedChallenge } from '../protocol/index.js';
import type { Slot } from './reporter.js';

export const CURRENT_CHALLENGE_FILE = 'current-challenge.json';

export interface StoredChallenge {
  issued: IssuedChallenge;
  slot: Slot;
}

interface CurrentChallengeFile {
  challengeId: string;
  lane: 'wallet' | 'rig';
  rigId?: string;
  nonce: string;
  payload: Record<string, unknown>;
}

export async function saveCurrentChallenge(ledger: Ledger, stored: StoredChallenge): Promise<string> {
  const path = join(ledger.dir, CURRENT_CHALLENGE_FILE);
  const file: CurrentChallengeFile = {
    challengeId: stored.issued.challenge.challengeId,
    lane: stored.slot.lane,
    ...(stored.slot.rigId === undefined ? {} : { rigId: stored.slot.rigId }),
    nonce: stored.issued.nonce,
    payload: stored.issued.challenge.raw,
  };
  await writeJsonFile(path, file, 0o600);
  return path;
}

/** The challenge to solve or submit: from `file` (a payload, matched to the ledger), else the current one. */
export async function loadChallenge(ledger: Ledger, file?: string): Promise<StoredChallenge> {
  if (file !== undefined) {
    const challenge = parseChallenge(await readJsonFile(file, 'challenge file'));
    const records = await ledger.read({ kind: 'challenge', challengeId: challenge.challengeId });
    const record = records.at(-1);
    if (!record || record.kind !== 'challenge') {
      throw new MinerError('INVALID_INPUT', `Challenge ${challenge.challengeId} is not in the ledger of ${ledger.wallet}, so its request nonce is unknown.`, {
        hint: 'Fetch challenges with `botcoin-miner challenge` (it records them), from the same wallet.',
      });
    }
    return { issued: { challenge, nonce: record.nonce }, slot: { lane: record.lane, ...(record.rigId === undefined ? {} : { rigId: record.rigId }) } };
  }
  const path = join(ledger.dir, CURRENT_CHALLENGE_FILE);
  let stored: CurrentChallengeFile;
  try {
    stored = (await readJsonFile(path, 'current challenge')) as CurrentChallengeFile;
  } catch (error) {
    if (error instanceof MinerError && error.code === 'FILE_NOT_FOUND') {
      throw new MinerError('INVALID_INPUT', `There is no current challenge for ${ledger.wallet}.`, {
        hint: 'Fetch one with `botcoin-miner challenge`, or pass --challenge <file>.',
        cause: error,
      });
    }
    throw error;
  }
  return {
    issued: { challenge: parseChallenge(stored.payload), nonce: stored.nonce },
    slot: { lane: stored.lane, ...(stored.rigId === undefined ? {} : { rigId: stored.rigId }) },
  };
}
