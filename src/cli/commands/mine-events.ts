import type { MinerEvent } from '../../miner/events.js';

/** One progress line per engine event, for humans (stderr). `mine --jsonl` prints the events themselves. */
export function renderEvent(event: MinerEvent): string {
  const where = event.rigId === undefined ? event.lane : `rig ${event.rigId}`;
  const id = 'challengeId' in event && event.challengeId ? ` ${event.challengeId.slice(0, 10)}` : '';
  switch (event.type) {
    case 'challenge':
      return `[${where}] challenge${id} epoch ${event.epochId ?? '-'} #${event.solveIndex ?? '-'} (${event.domain ?? '?'})`;
    case 'model_call':
      return `[${where}]${id} model ${event.model}: ${event.promptTokens}+${event.completionTokens} tokens, ${event.latencyMs} ms${event.costUsd === null ? '' : `, $${event.costUsd.toFixed(4)}`}${event.error ? ` — ${event.error}` : ''}`;
    case 'check':
      return `[${where}]${id} attempt ${event.attempt} local check ${event.pass ? 'passes' : 'FAILS'} (${event.constraintsPassed}/${event.constraintsTotal} constraints, trace ${event.traceValid ? 'ok' : 'invalid'}, ${event.repairs} repairs)`;
    case 'attempt':
      return `[${where}]${id} attempt ${event.attempt} ${event.submitted ? 'submitted' : 'would submit (dry run)'}: ${event.wordCount} words`;
    case 'verdict':
      return `[${where}]${id} attempt ${event.attempt} ${event.pass ? 'PASSED' : `rejected (constraints ${event.constraintsPassed ?? '?'}/${event.constraintsTotal ?? '?'}, answers ${event.questionAnswersCorrect ?? '?'}/${event.questionAnswersTotal ?? '?'}${event.retryAllowed ? ', retrying' : ''})`}`;
    case 'receipt':
      return `[${where}] receipt ${event.receiptId} ${event.state}${event.txHash ? ` ${event.txHash}` : ''}${event.creditsEarned ? ` +${event.creditsEarned} credits` : ''}${event.reason ? ` (${event.reason})` : ''}${event.recovered ? ' [recovered]' : ''}`;
    case 'error':
      return `[${where}]${id} ${event.fatal ? 'error' : 'note'} ${event.code}: ${event.message}`;
  }
}
