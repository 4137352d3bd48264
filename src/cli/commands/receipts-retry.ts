import type { Command } from 'commander';
import { action } from '../context.js';
import type { RecoveryReport } from '../../miner/recovery.js';
import type { MinerEvent } from '../../miner/events.js';
import { minerSettings } from './miner-settings.js';
import { renderEvent } from './mine-events.js';

/**
 * `receipts retry`: the crash recovery `mine` runs on start, on demand. Adds `retry` to the
 * `receipts` command group (register it after `registerReceipts`).
 */
export function registerReceiptsRetry(program: Command): void {
  const receipts = program.commands.find((c) => c.name() === 'receipts') ?? program.command('receipts').description('receipts recorded in the local ledger');
  receipts
    .command('retry')
    .description('confirm or re-broadcast every receipt left in flight, and sign passes that were never signed (as `mine` does on start)')
    .option('--lane <lane>', 'with --sandbox: whose test wallet (wallet or rig)')
    .action(
      action(async (ctx, options: { lane?: string }) => {
        const { openMinerSession, recoverReceipts } = await import('../../miner/index.js');
        const session = await openMinerSession(minerSettings(ctx, options.lane ? { lane: options.lane } : {}, { needsModel: false }));
        try {
          const report = await recoverReceipts(session, { onEvent: (event: MinerEvent) => ctx.out.info(renderEvent(event)) });
          ctx.out.result(report, render);
        } finally {
          await session.close();
        }
      }),
    );
}

function render(report: RecoveryReport): string {
  if (report.inFlight === 0 && report.unsigned.length === 0) return 'Nothing in flight: every receipt in the ledger is settled.';
  return [
    ...report.settled.map((s) => `${s.receiptId}: ${s.action} → ${s.state} ${s.txHash}`),
    ...report.unsigned.map((u) => `${u.challengeId}: unsigned pass ${u.state}${u.reason ? ` (${u.reason})` : ''}`),
  ].join('\n');
}
