/**
 * One solve outside `mine` (the `solve` command, an agent tool): the current challenge (or a
 * payload file), the attempt number and the coordinator's counts from the wallet's ledger, then
 * either the agent task (strategy `agent`: the caller is the model) or the configured strategy's
 * solution with its local check. Needs no coordinator and no chain; model calls are recorded
 * in the wallet's ledger when a wallet is configured.
 */
import { parseChallenge } from '../challenge/parse.js';
import type { Challenge } from '../challenge/types.js';
import { MinerError } from '../errors.js';
import { readJsonFile } from '../io/json-file.js';
import { openLedger, type Ledger } from '../ledger/index.js';
import type { AgentTask } from '../solver/strategies/agent.js';
import type { SolveOutcome, StrategyName } from '../solver/strategy.js';
import { loadChallenge } from './current-challenge.js';
import { attemptHistory } from './history.js';
import { openModel } from './model.js';
import { recordModelCall } from './records.js';
import { Reporter } from './reporter.js';
import { ledgerHome } from './ledger-home.js';
import { runningSandbox } from './sandbox-source.js';
import { parseLane, parseStrategy, walletAddressFor, type MinerSettings } from './session.js';

export type SolveOnceResult =
  | { kind: 'task'; challenge: Challenge; attempt: number; task: AgentTask }
  | { kind: 'solved'; challenge: Challenge; attempt: number; strategy: StrategyName; outcome: SolveOutcome; recorded: boolean };

export async function solveOnce(settings: MinerSettings, options: { challengeFile?: string } = {}): Promise<SolveOnceResult> {
  const strategy = parseStrategy(settings.strategy);
  const sandbox = settings.sandbox ? await runningSandbox(settings.dataDir) : undefined;
  const wallet = await walletAddressFor(settings, sandbox);
  const home = ledgerHome(settings.dataDir, sandbox?.description);
  const ledger = wallet ? openLedger({ wallet, ...(home ? { dir: home } : {}) }) : undefined;
  const challenge = options.challengeFile
    ? parseChallenge(await readJsonFile(options.challengeFile, 'challenge file'))
    : (await loadChallenge(requireLedger(ledger))).issued.challenge;
  const history = ledger ? await attemptHistory(ledger, challenge) : [];
  const attempt = history.length + 1;

  const solver = await import('../solver/index.js');
  if (strategy === 'agent') return { kind: 'task', challenge, attempt, task: solver.buildAgentTask(challenge, { attempt, history }) };

  const model = await openModel(settings, sandbox, settings.notice ?? (() => {}));
  try {
    const reporter = ledger ? new Reporter({ lane: parseLane(settings.lane) }, ledger) : undefined;
    const outcome = await solver.createStrategy(strategy).solve(
      { challenge, attempt, history },
      {
        provider: model.provider,
        onModelCall: async (call) => {
          if (ledger && reporter) await recordModelCall(ledger, reporter, call, challenge.challengeId, attempt);
        },
      },
    );
    return { kind: 'solved', challenge, attempt, strategy, outcome, recorded: ledger !== undefined };
  } finally {
    await model.close();
  }
}

function requireLedger(ledger: Ledger | undefined): Ledger {
  if (ledger === undefined) {
    throw new MinerError('WALLET', 'No wallet is configured, so there is no current challenge to solve.', {
      hint: 'Pass --challenge <file>, or configure the wallet (BOTCOIN_PRIVATE_KEY or a keystore) that ran `challenge`.',
    });
  }
  return ledger;
}
