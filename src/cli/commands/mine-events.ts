import type { EventSink, MinerEvent } from '../../miner/events.js';
import type { MinerSession } from '../../miner/session.js';
import type { CommandContext } from '../context.js';

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
    case 'evaluation':
      return event.phase === 'feedback'
        ? `[${where}]${id} attempt ${event.attempt} evaluator ${event.name}: ${event.error ? `failed (${event.error})` : (event.verdict ?? 'no verdict')}${event.paid ? `, paid $${event.priceUsd ?? '?'}` : ', not paid'}`
        : `[${where}]${id} evaluator ${event.name} said ${event.verdict ?? '-'}, the coordinator ${event.coordinatorVerdict ?? '-'}`;
  }
}

export interface MineProgress {
  onEvent: EventSink;
  /** The run has ended (returned or failed): the live view draws its last frame and gives the cursor back. */
  stop(): void;
}

/**
 * Where `mine` shows its progress: with `--jsonl` each event as a JSON line on stdout; on a
 * terminal (stderr, without --json/--quiet) the live view; otherwise one plain line per event on
 * stderr, without any control character, for logs and pipes.
 */
export async function mineProgress(ctx: CommandContext, session: MinerSession, options: { jsonl: boolean }): Promise<MineProgress> {
  if (options.jsonl) return { onEvent: (event) => void process.stdout.write(`${JSON.stringify(event)}\n`), stop: () => {} };
  if (ctx.out.json || ctx.out.options.quiet || !process.stderr.isTTY) return { onEvent: (event) => ctx.out.info(renderEvent(event)), stop: () => {} };
  const { startLiveView, readBaseline, slotKey } = await import('../live-view/index.js');
  const { colours } = await import('../../util/colours.js');
  const chalk = colours(process.env, 'stderr');
  const view = startLiveView({
    stream: process.stderr,
    chalk,
    slots: session.lane === 'rig' ? session.rigs.map(slotKey) : [slotKey(undefined)],
    baseline: await readBaseline(session.ledger, new Date()),
  });
  return {
    onEvent: (event) => {
      view.onEvent(event);
      // Errors and paid feedback also stay in the scrollback: they explain a row's state and money spent.
      if (event.type === 'error') view.log(chalk[event.fatal ? 'red' : 'yellow'](renderEvent(event)));
      else if (event.type === 'evaluation') view.log(renderEvent(event));
    },
    stop: () => view.stop(),
  };
}
