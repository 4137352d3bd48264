import type { Command } from 'commander';
import { action } from '../context.js';
import type { EpochCredits } from '../../ledger/summary.js';
import { parseEpochList, parseScan, type Amount } from '../rewards/format.js';

interface CreditsRow {
  epochId: string;
  rigId?: string;
  /** On chain (wallet lane) or as the coordinator reports it (rig lane). */
  credits: string;
  claimed: boolean;
  claimable: boolean;
  blocker?: string;
  /** Wallet lane: what the epoch pays this miner (reward × credits / total). */
  share?: string;
}

interface CreditsResult {
  lane: string;
  address: string;
  currentEpoch: string;
  epochs: CreditsRow[];
  /** Credits of confirmed receipts per epoch, as the local ledger recorded them. */
  ledger: Record<string, EpochCredits>;
}

export function registerCredits(program: Command): void {
  program
    .command('credits')
    .summary('credits per epoch and their claim state')
    .description(
      'credits per epoch: wallet lane from the mining contract (no key needed); rig lane from the coordinator (signs in as the operator) — ' +
        'with the claim state of each epoch and the local ledger\'s count',
    )
    .option('--epochs <ids>', 'only these epochs, comma-separated')
    .option('--scan <n>', 'how many epochs to look back (plus the current one) when --epochs is not given', '64')
    .option('--rigs <ids>', 'rig lane: these rigs (default: the `rigs` setting)')
    .action(
      action(async (ctx, options: { epochs?: string; scan?: string; rigs?: string }) => {
        const epochs = parseEpochList(options.epochs);
        const span = parseScan(options.scan) ?? 64;
        const { openRewardsView } = await import('../rewards-session.js');
        const { readWalletEpochs, readRigEpochs, readEpoch, requireContract, scanEpochs } = await import('../../rewards/index.js');
        const { summarize } = await import('../../ledger/index.js');
        const { readLedgerRecords } = await import('../rewards/ledger-view.js');
        const { botcoinAmount } = await import('../rewards/amount.js');
        const lane = (await import('../../miner/session.js')).parseLane(ctx.setting('lane').value);
        const view = await openRewardsView(ctx, { account: lane === 'rig', rigs: options.rigs });
        try {
          const contract = requireContract(view.contracts, view.lane === 'rig' ? 'rigMining' : 'mining');
          const { epochId: current } = await readEpoch(view.publicClient, contract);
          const rows: CreditsRow[] = [];
          if (view.lane === 'wallet') {
            const wanted = epochs ?? [...scanEpochs(current, span), current];
            const states = await readWalletEpochs(view.publicClient, contract, view.address, wanted, current);
            for (const s of states) {
              if (!epochs && s.credits === 0n) continue;
              rows.push({ epochId: s.epochId.toString(), credits: s.credits.toString(), claimed: s.claimed, claimable: s.claimable, ...(s.blocker ? { blocker: s.blocker } : {}), share: s.share.toString() });
            }
          } else {
            for (const rigId of view.rigIds) {
              const states = await readRigEpochs(view.publicClient, view.coordinator, contract, { rigId, operator: view.address, current, span, ...(epochs ? { epochs } : {}) });
              for (const s of states) {
                rows.push({ epochId: s.epochId.toString(), rigId: rigId.toString(), credits: s.credits.toString(), claimed: s.claimed, claimable: s.claimable, ...(s.blocker ? { blocker: s.blocker } : {}) });
              }
            }
          }
          const ledger = summarize(await readLedgerRecords(ctx, view.address, view.dataDir), { now: new Date() }).creditsByEpoch;
          ctx.out.result<CreditsResult>({ lane: view.lane, address: view.address, currentEpoch: current.toString(), epochs: rows, ledger }, (r) => renderCredits(r, botcoinAmount));
        } finally {
          await view.close();
        }
      }),
    );
}

function renderCredits(result: CreditsResult, botcoin: Amount): string {
  if (result.epochs.length === 0) return `No credits for ${result.address} in the epochs looked at (current epoch ${result.currentEpoch}).`;
  return result.epochs
    .map((row) => {
      const who = row.rigId ? `rig ${row.rigId} ` : '';
      const state = row.claimable ? 'claimable' : row.claimed ? 'claimed' : (row.blocker ?? '').replace('_', ' ');
      const share = row.share && row.share !== '0' ? `  ${botcoin(row.share)}` : '';
      const local = result.ledger[row.epochId] ? `  (ledger: ${result.ledger[row.epochId]?.creditsEarned})` : '';
      return `${who}epoch ${row.epochId}: ${row.credits} credits  ${state}${share}${local}`;
    })
    .join('\n');
}
