/**
 * The extension point for evaluator servers (spec/market.md): `startSandbox({ evaluators })`
 * takes starters that launch one server each against the running network (its RPC, test USDC
 * and evaluator wallet) and returns its entry for the description's `evaluators` array. The
 * sandbox starts them after the coordinator and stops them first. The market's starters (one
 * evaluator of each kind, funded wallets, one in-process facilitator) are
 * `sandboxEvaluatorStarters()` in src/market/evaluator/sandbox.ts (`sandbox up --evaluators`).
 */
import type { SandboxDescription, SandboxEvaluatorDescription } from './description.js';

export interface SandboxEvaluatorHandle {
  /** Listed in the description file's `evaluators` (at least `name` and `url`). */
  description: SandboxEvaluatorDescription;
  stop(): Promise<void>;
}

/** Starts one evaluator server for the sandbox described by `network`. */
export type SandboxEvaluatorStarter = (network: Omit<SandboxDescription, 'evaluators'>) => Promise<SandboxEvaluatorHandle>;

/** Starts the evaluators one by one; if one fails, those already started are stopped. */
export async function startEvaluators(
  starters: readonly SandboxEvaluatorStarter[],
  network: Omit<SandboxDescription, 'evaluators'>,
): Promise<SandboxEvaluatorHandle[]> {
  const started: SandboxEvaluatorHandle[] = [];
  try {
    for (const start of starters) started.push(await start(network));
    return started;
  } catch (error) {
    await stopEvaluators(started);
    throw error;
  }
}

export async function stopEvaluators(handles: readonly SandboxEvaluatorHandle[]): Promise<void> {
  await Promise.allSettled([...handles].reverse().map((handle) => handle.stop()));
}
