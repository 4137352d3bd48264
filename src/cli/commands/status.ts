import type { Command } from 'commander';
import { action, type CommandContext } from '../context.js';
import type { LedgerSummary } from '../../ledger/summary.js';
import { epochResult, renderEpoch, type EpochResult } from './epoch.js';
import type { Amount } from '../rewards/format.js';
import type { EpochBlocker, RewardsLane } from '../../rewards/index.js';

export interface StatusResult {
  lane: RewardsLane;
  address: string;
  epoch: EpochResult;
  /** On chain. Wallet lane: credits and claim state of recent credited epochs; rig lane: each rig's cursor and authorization. */
  chain: {
    epochs?: Array<{ epochId: string; credits: string; share: string; claimable: boolean; blocker?: EpochBlocker }>;
    rigs?: Array<{ rigId: string; authorized: boolean; nextIndex: string }>;
  };
  /** From the local ledger: attempts and spend today, pass rate, receipts by state, credits by epoch. */
  ledger: LedgerSummary;
}

/** How many ended epochs `status` shows on chain (wallet lane); `credits` and `claim` look further back. */
const STATUS_EPOCHS = 7;

export function registerStatus(program: Command): void {
  program
    .command('status')
    .summary('epoch, credits, receipts, spend and pass rate')
    .description(`where mining stands: the epoch and time left, credits per epoch (chain, last ${STATUS_EPOCHS} epochs, and ledger), pending receipts, attempts and spend today, pass rate; no key needed`)
    .action(
      action(async (ctx) => {
        const { botcoinAmount } = await import('../rewards/amount.js');
        ctx.out.result(await readStatus(ctx), (r) => renderStatus(r, botcoinAmount));
      }),
    );
}

/** The `status` document (also the MCP `status` tool): chain and ledger, no key needed. */
export async function readStatus(ctx: CommandContext): Promise<StatusResult> {
  const { openRewardsView } = await import('../rewards-session.js');
  const { readEpoch, readWalletEpochs, readRigChainStatus, requireContract, scanEpochs } = await import('../../rewards/index.js');
  const { summarize } = await import('../../ledger/index.js');
  const { readLedgerRecords } = await import('../rewards/ledger-view.js');
  const view = await openRewardsView(ctx);
  try {
    const contract = requireContract(view.contracts, view.lane === 'rig' ? 'rigMining' : 'mining');
    const epoch = await readEpoch(view.publicClient, contract, view.coordinator);
    const chain: StatusResult['chain'] = {};
    if (view.lane === 'wallet') {
      const states = await readWalletEpochs(view.publicClient, contract, view.address, [...scanEpochs(epoch.epochId, STATUS_EPOCHS), epoch.epochId], epoch.epochId);
      chain.epochs = states
        .filter((s) => s.credits > 0n)
        .map((s) => ({ epochId: s.epochId.toString(), credits: s.credits.toString(), share: s.share.toString(), claimable: s.claimable, ...(s.blocker ? { blocker: s.blocker } : {}) }));
    } else {
      chain.rigs = [];
      for (const rigId of view.rigIds) {
        const rig = await readRigChainStatus(view.publicClient, contract, { rigId, operator: view.address, epochId: epoch.epochId });
        chain.rigs.push({ rigId: rigId.toString(), authorized: rig.authorized, nextIndex: rig.nextIndex.toString() });
      }
    }
    const ledger = summarize(await readLedgerRecords(ctx, view.address, view.dataDir), { now: new Date() });
    return {
      lane: view.lane,
      address: view.address,
      epoch: epochResult(epoch, contract),
      chain,
      ledger,
    };
  } finally {
    await view.close();
  }
}

function renderStatus(s: StatusResult, botcoin: Amount): string {
  const l = s.ledger;
  const lines = [`${s.lane} lane, ${s.address}`, renderEpoch(s.epoch)];
  for (const e of s.chain.epochs ?? []) {
    lines.push(`  epoch ${e.epochId}: ${e.credits} credits on chain${e.share !== '0' ? `, ${botcoin(e.share)}` : ''}${e.claimable ? ' — claimable (botcoin-miner claim)' : e.blocker ? ` (${e.blocker.replace('_', ' ')})` : ''}`);
  }
  for (const r of s.chain.rigs ?? []) lines.push(`  rig ${r.rigId}: ${r.authorized ? 'authorized' : 'NOT authorized'}, next index ${r.nextIndex}`);
  for (const [epochId, c] of Object.entries(l.creditsByEpoch)) lines.push(`  ledger epoch ${epochId}: ${c.creditsEarned} credits from ${c.confirmed} confirmed receipts`);
  const pending = l.receipts.signed + l.receipts.broadcast;
  lines.push(`receipts: ${l.receipts.confirmed} confirmed, ${pending} pending, ${l.receipts.reverted} reverted, ${l.receipts.dropped} dropped`);
  lines.push(`today (${l.day} UTC): ${l.today.attempts} attempts, $${l.today.costUsd.toFixed(4)} model spend${l.today.unpricedCalls > 0 ? ` (+${l.today.unpricedCalls} unpriced calls)` : ''}`);
  lines.push(`pass rate: ${l.passRate === null ? '—' : `${Math.round(l.passRate * 100)}% (${l.passes}/${l.passes + l.fails})`}`);
  return lines.join('\n');
}
