/**
 * A challenge's earlier attempts, rebuilt from the ledger (`attempt` + `feedback` records): the
 * agent flow runs one command per step, so `solve` and `submit` learn the attempt number and the
 * coordinator's counts from what earlier commands recorded.
 */
import type { Challenge, Solution } from '../challenge/types.js';
import type { Ledger } from '../ledger/index.js';
import type { AttemptRecord } from '../solver/strategy.js';
import { checkSolution } from '../verify/check.js';

export async function attemptHistory(ledger: Ledger, challenge: Challenge): Promise<AttemptRecord[]> {
  const records = await ledger.read({ kind: ['attempt', 'feedback'], challengeId: challenge.challengeId });
  const history: AttemptRecord[] = [];
  for (const record of records) {
    if (record.kind === 'attempt') {
      const solution: Solution = {
        artifact: record.artifact,
        reasoningTrace: record.reasoningTrace as Solution['reasoningTrace'],
        submittedAnswers: Object.fromEntries(Object.entries(record.submittedAnswers).map(([k, v]) => [k, String(v)])),
      };
      history.push({ attempt: history.length + 1, solution, check: checkSolution(challenge, solution) });
    } else if (record.kind === 'feedback') {
      const last = history.at(-1);
      if (!last) continue;
      last.feedback = {
        pass: record.pass,
        ...(record.constraintsPassed === undefined ? {} : { constraintsPassed: record.constraintsPassed }),
        ...(record.constraintsTotal === undefined ? {} : { constraintsTotal: record.constraintsTotal }),
        ...(record.questionAnswersCorrect === undefined ? {} : { questionAnswersCorrect: record.questionAnswersCorrect }),
        ...(record.questionAnswersTotal === undefined ? {} : { questionAnswersTotal: record.questionAnswersTotal }),
        ...(record.questionAnswersRequired === undefined ? {} : { questionAnswersRequired: record.questionAnswersRequired }),
      };
    }
  }
  return history;
}
