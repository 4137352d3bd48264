/**
 * What the MCP tools do, each through the same library functions as the CLI command of the same
 * name: the miner engine (src/miner), the local checker, the agent strategy's task and answer
 * parsing, and the rewards commands' report functions. Every operation opens what it needs and
 * closes it again (the wallet's miner lock included), so a CLI run can follow an MCP call.
 */
import type { CommandContext } from '../cli/context.js';
import type { MinerFlags } from '../cli/commands/miner-settings.js';
import { MinerError } from '../errors.js';
import type { MineSummary, MinerEvent, MinerSettings } from '../miner/index.js';
import { challengeSlot, submitDocument, type SubmitDocument } from '../miner/submit-result.js';
import type { AgentTask } from '../solver/strategies/agent.js';
import type { CheckReport } from '../verify/types.js';

export interface McpDeps {
  /** Settings resolved as for the CLI (flag > environment > profile > default), with a tool's overrides. */
  settings(overrides: MinerFlags, options: { needsModel: boolean }): MinerSettings;
  /** A JSON-mode command context (never prompts) for the rewards reports; `yes` confirms a send. */
  context(options?: { yes?: boolean }): Promise<CommandContext>;
  /** Progress for humans: stderr only, stdout carries the protocol. */
  log(message: string): void;
}

export async function status(deps: McpDeps): Promise<object> {
  const { readStatus } = await import('../cli/commands/status.js');
  return readStatus(await deps.context());
}

/** Fetches a challenge, records it, and keeps it as the current one (as `challenge` does). */
export async function challenge(deps: McpDeps, input: { lane?: string | undefined; rig?: string | undefined }): Promise<Record<string, unknown>> {
  const miner = await import('../miner/index.js');
  const session = await miner.openMinerSession(deps.settings(flags({ lane: input.lane, rigs: input.rig }), { needsModel: false }));
  try {
    const slot = challengeSlot(session.lane, session.rigs, 'Pass "rig", or set RIG_ID.');
    const issued = await miner.fetchChallenge(session, new miner.Reporter(slot, session.ledger, logEvents(deps)));
    deps.log(`current challenge: ${await miner.saveCurrentChallenge(session.ledger, { issued, slot })}`);
    return issued.challenge.raw;
  } finally {
    await session.close();
  }
}

/** The agent task for the current challenge: prompt, payload, response schema (as `solve --strategy agent`). */
export async function solveTask(deps: McpDeps, input: { lane?: string | undefined }): Promise<AgentTask> {
  const { solveOnce } = await import('../miner/solve-once.js');
  const solved = await solveOnce({ ...deps.settings(flags({ lane: input.lane }), { needsModel: false }), strategy: 'agent' });
  if (solved.kind !== 'task') throw new MinerError('UNEXPECTED', 'The agent strategy returned a solution instead of a task.');
  return solved.task;
}

/** The local check of a solution against a challenge payload (default: the current challenge). */
export async function check(deps: McpDeps, input: { challenge?: unknown; solution: unknown; lane?: string | undefined }): Promise<CheckReport> {
  const { parseChallenge } = await import('../challenge/parse.js');
  const { acceptAgentSolution } = await import('../solver/strategies/agent.js');
  const target = input.challenge === undefined ? await currentChallenge(deps.settings(flags({ lane: input.lane }), { needsModel: false })) : parseChallenge(input.challenge);
  return acceptAgentSolution(target, input.solution).check;
}

/** Check, submit, guard, broadcast and confirm a solution for the current challenge (as `submit`). */
export async function submit(deps: McpDeps, input: { solution: unknown; lane?: string | undefined }): Promise<SubmitDocument> {
  const miner = await import('../miner/index.js');
  const session = await miner.openMinerSession(deps.settings(flags({ lane: input.lane }), { needsModel: false }));
  try {
    return submitDocument(await miner.submitOnce(session, input.solution, { onEvent: logEvents(deps) }));
  } finally {
    await session.close();
  }
}

/** One full cycle with the configured strategy and model: fetch, solve, check, submit, receipt (as `mine --count 1`). */
export async function mineOne(
  deps: McpDeps,
  input: { lane?: string | undefined; rig?: string | undefined; strategy?: string | undefined; model?: string | undefined; dryRun?: boolean | undefined },
): Promise<MineSummary> {
  const miner = await import('../miner/index.js');
  const session = await miner.openMinerSession(deps.settings(flags({ lane: input.lane, rigs: input.rig, strategy: input.strategy, model: input.model }), { needsModel: true }));
  try {
    return await miner.mine(session, { count: 1, dryRun: Boolean(input.dryRun), onEvent: logEvents(deps) });
  } finally {
    await session.close();
  }
}

/** Claims rewards; a real claim (dryRun false) only with `confirm: true`, the MCP stand-in for the CLI's question. */
export async function claim(deps: McpDeps, input: { dryRun: boolean; confirm: boolean; epochs?: string | undefined; rigs?: string | undefined }): Promise<object> {
  if (!input.dryRun && !input.confirm) {
    throw new MinerError('BAD_USAGE', 'A real claim sends transactions, so it needs confirm: true.', {
      hint: 'Call claim with dryRun: true first to see what would be sent, then with dryRun: false and confirm: true.',
    });
  }
  const { claimRewards } = await import('../cli/commands/claim.js');
  const ctx = await deps.context({ yes: !input.dryRun && input.confirm });
  return claimRewards(ctx, { dryRun: input.dryRun, epochs: input.epochs, rigs: input.rigs });
}

async function currentChallenge(settings: MinerSettings): Promise<import('../challenge/types.js').Challenge> {
  const miner = await import('../miner/index.js');
  const { openLedger } = await import('../ledger/index.js');
  const { ledgerHome } = await import('../miner/ledger-home.js');
  const sandbox = settings.sandbox ? await miner.runningSandbox(settings.dataDir) : undefined;
  const wallet = await miner.walletAddressFor(settings, sandbox);
  if (!wallet) {
    throw new MinerError('WALLET', 'No wallet is configured, so there is no current challenge.', { hint: 'Pass "challenge" (the payload), or configure the wallet that ran the challenge tool.' });
  }
  const home = ledgerHome(settings.dataDir, sandbox?.description);
  const ledger = openLedger({ wallet, ...(home ? { dir: home } : {}) });
  return (await miner.loadChallenge(ledger)).issued.challenge;
}

function logEvents(deps: McpDeps): (event: MinerEvent) => void {
  return (event) => deps.log(JSON.stringify(event));
}

/** Only the overrides a tool was given: an absent one leaves the configured value. */
function flags(input: MinerFlags): MinerFlags {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined && value !== ''));
}
