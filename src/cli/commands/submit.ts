import type { Command } from 'commander';
import { action } from '../context.js';
import { ExitCode } from '../../errors.js';
import { readJsonFile } from '../../io/json-file.js';
import type { MinerEvent } from '../../miner/events.js';
import { submitDocument, type SubmitDocument } from '../../miner/submit-result.js';
import { minerSettings } from './miner-settings.js';
import { renderEvent } from './mine-events.js';

export function registerSubmit(program: Command): void {
  program
    .command('submit <solution>')
    .summary('submit a solution; guard, broadcast, confirm')
    .description('check a solution locally, submit it for the current challenge (or --challenge <file>), then guard, broadcast and confirm the receipt (exit 5: rejected, with the counts)')
    .option('--challenge <file>', 'the challenge payload file it answers (default: the current challenge from `challenge`)')
    .option('--lane <lane>', 'with --sandbox: the lane whose test wallet fetched the challenge')
    .action(
      action(async (ctx, solutionPath: string, options: { challenge?: string; lane?: string }) => {
        const miner = await import('../../miner/index.js');
        const answer = await readJsonFile(solutionPath, 'solution file');
        const session = await miner.openMinerSession(minerSettings(ctx, options.lane ? { lane: options.lane } : {}, { needsModel: false }));
        try {
          const onEvent = (event: MinerEvent): void => ctx.out.info(renderEvent(event));
          const outcome = await miner.submitOnce(session, answer, { ...(options.challenge ? { challengeFile: options.challenge } : {}), onEvent });
          const result = submitDocument(outcome);
          ctx.out.result(result, render);
          if (result.outcome === 'confirmed') return ExitCode.ok;
          if (result.outcome === 'reverted' || result.outcome === 'dropped') return ExitCode.transaction;
          return ExitCode.unsolved;
        } finally {
          await session.close();
        }
      }),
    );
}

function render(result: SubmitDocument): string {
  switch (result.outcome) {
    case 'confirmed':
      return `attempt ${result.attempt} passed; receipt confirmed ${result.txHash}${result.creditsEarned ? ` (+${result.creditsEarned} credits)` : ''}`;
    case 'rejected': {
      const retry = result.feedback?.retryAllowed ? 'solve again (`botcoin-miner solve`) and resubmit' : 'no retry left: fetch a new challenge';
      return `attempt ${result.attempt} rejected: ${result.reason}; ${retry}`;
    }
    default:
      return `attempt ${result.attempt}: ${result.outcome}${result.reason ? ` (${result.reason})` : ''}`;
  }
}
