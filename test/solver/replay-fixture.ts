/**
 * Generated challenges served by the answer-key replay over real HTTP, solved through the real
 * OpenAI-compatible provider: the setup every strategy test shares.
 */
import { parseChallenge } from '../../src/challenge/parse.js';
import type { Challenge } from '../../src/challenge/types.js';
import { keyCheckInputs } from '../../src/sandbox/coordinator/key-facts.js';
import type { AnswerKey } from '../../src/sandbox/generator/answer-key.js';
import { generateChallenge, listDomains } from '../../src/sandbox/generator/index.js';
import { solveWithAnswerKey } from '../../src/sandbox/generator/reference-solver.js';
import { startAnswerKeyModel, type AnswerKeyModel, type FaultPlan, type ReplayEntry } from '../../src/sandbox/answer-key-model/index.js';
import { createProvider } from '../../src/solver/providers/create-provider.js';
import type { ModelProvider } from '../../src/solver/providers/types.js';
import type { ModelCallRecord, SolveDeps } from '../../src/solver/strategy.js';
import { checkSolution } from '../../src/verify/check.js';
import type { Solution } from '../../src/challenge/types.js';
import type { CheckReport } from '../../src/verify/types.js';

export const DOMAINS = listDomains().map((d) => d.name);

export interface Generated {
  challenge: Challenge;
  answerKey: AnswerKey;
  payload: Record<string, unknown>;
}

export function generated(seed: bigint, domain: string): Generated {
  const { payload, answerKey } = generateChallenge({ seed, domain });
  return { challenge: parseChallenge(payload), answerKey, payload };
}

/** The coordinator's verdict: the same checker with the key's facts and expected answers. */
export function coordinatorCheck(g: Generated, solution: Solution, requiredCorrect = 6): CheckReport {
  return checkSolution(g.challenge, solution, { ...keyCheckInputs(g.answerKey), requiredCorrect });
}

export interface ReplayRig {
  replay: AnswerKeyModel;
  provider: ModelProvider;
  calls: ModelCallRecord[];
  deps(extra?: Partial<SolveDeps>): SolveDeps;
  add(g: Generated): void;
  close(): Promise<void>;
}

export async function startReplayRig(faults?: FaultPlan, options: { apiKey?: string } = {}): Promise<ReplayRig> {
  const entries = new Map<string, ReplayEntry>();
  const replay = await startAnswerKeyModel({ lookup: (id) => entries.get(id), ...(faults ? { faults } : {}) });
  // Retries without waiting: the provider's retry policy is what is under test, not the clock.
  const provider = createProvider({ provider: 'openai', baseUrl: replay.baseUrl, model: 'answer-key-replay', sleep: async () => {}, ...options });
  const calls: ModelCallRecord[] = [];
  return {
    replay,
    provider,
    calls,
    deps: (extra = {}) => ({ provider, onModelCall: (call) => void calls.push(call), ...extra }),
    add: (g) => entries.set(g.challenge.challengeId, { answerKey: g.answerKey, solution: solveWithAnswerKey(g.challenge, g.answerKey) }),
    close: async () => {
      await provider.close();
      await replay.stop();
    },
  };
}

/** Failing constraints and trace errors as lines, for readable assertion failures. */
export function failures(report: CheckReport): string[] {
  return [
    ...report.constraints.filter((c) => c.kind !== 'tip' && c.status !== 'pass').map((c) => `constraint ${c.index} ${c.kind}: ${c.reason}`),
    ...report.trace.errors.map((e) => `trace ${e.rule} ${e.stepId ?? ''}: ${e.message}`),
    ...(report.answers.correct !== undefined && report.answers.correct < (report.answers.required ?? 0) ? [`answers ${report.answers.correct}/${report.answers.total}`] : []),
  ];
}
