/**
 * The local reputation table: one JSON file per student wallet,
 * `<data dir>/market/<wallet>/reputation.json`, `{version: 1, evaluators: {<id>: stats}}`.
 * Updates in one process are serialised; each rewrites the file atomically.
 */
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { dataDir } from '../../config/paths.js';
import { MinerError } from '../../errors.js';
import { writeJsonFile } from '../../io/json-file.js';
import { runSerially } from '../../ledger/queue.js';
import { applyOutcome, emptyStats, posterior, type Outcome, type Posterior, type ReputationSnapshot, type ReputationStats } from './reputation-score.js';

export interface ReputationStore {
  file: string;
}

export interface MarketStateOptions {
  /** The student's wallet address: reputation and budgets are per wallet. */
  wallet: string;
  /** Data directory (default `dataDir()`). */
  dir?: string;
}

/** `<data dir>/market/<wallet lower case>`. */
export function marketDir(options: MarketStateOptions): string {
  if (!/^0x[0-9a-fA-F]{40}$/.test(options.wallet)) {
    throw new MinerError('INVALID_INPUT', `"${options.wallet}" is not a wallet address.`, { hint: 'Pass the student wallet\'s 0x address.' });
  }
  return join(options.dir ?? dataDir(), 'market', options.wallet.toLowerCase());
}

export function openReputation(options: MarketStateOptions): ReputationStore {
  return { file: join(marketDir(options), 'reputation.json') };
}

export async function loadReputation(store: ReputationStore): Promise<ReputationSnapshot> {
  let text: string;
  try {
    text = await readFile(store.file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as { version?: number; evaluators?: Record<string, ReputationStats> };
    return parsed.evaluators ?? {};
  } catch (error) {
    throw new MinerError('INVALID_INPUT', `The reputation table ${store.file} is not valid JSON.`, {
      hint: 'Fix or delete the file (evaluators then start again as newcomers).',
      cause: error,
    });
  }
}

/** Records what mining revealed about one consultation; returns the evaluator's new stats. */
export function recordOutcome(store: ReputationStore, evaluatorId: string, outcome: Outcome): Promise<ReputationStats> {
  return runSerially(store.file, async () => {
    const evaluators = { ...(await loadReputation(store)) };
    const next = applyOutcome(evaluators[evaluatorId] ?? emptyStats(), outcome);
    evaluators[evaluatorId] = next;
    await writeJsonFile(store.file, { version: 1, evaluators }, 0o600);
    return next;
  });
}

export interface ReputationRow extends Posterior {
  evaluatorId: string;
  stats: ReputationStats;
}

/** Every known evaluator with its posterior, best quality first (for display). */
export async function reputationTable(store: ReputationStore): Promise<ReputationRow[]> {
  const evaluators = await loadReputation(store);
  return Object.entries(evaluators)
    .map(([evaluatorId, stats]) => ({ evaluatorId, stats, ...posterior(stats) }))
    .sort((a, b) => b.quality - a.quality || a.evaluatorId.localeCompare(b.evaluatorId));
}
