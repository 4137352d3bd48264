import type { Command } from 'commander';
import { action } from '../context.js';

interface RigRow {
  rigId: string;
  authorized: boolean;
  nextIndex: string;
  lastReceiptHash: string;
  /** From the local ledger: confirmed receipts of this epoch and their credits. */
  creditsThisEpoch: string;
  confirmedThisEpoch: number;
  inFlight: number;
  lastReceipt: { receiptId: string; state: string; txHash: string } | null;
}

interface RigStatusResult {
  operator: string;
  epochId: string;
  rigs: RigRow[];
}

export function registerRig(program: Command): void {
  const rig = program.command('rig').summary("rig authorization, cursor and credits").description('mining rigs (rig lane)');
  rig
    .command('status')
    .description("each rig's authorization for this operator and epoch, its receipt cursor on chain (rigNextIndex, last receipt hash) and this epoch's credits in the ledger; no key needed")
    .option('--rigs <ids>', 'these rigs, comma-separated (default: the `rigs` setting)')
    .action(
      action(async (ctx, options: { rigs?: string }) => {
        const { openRewardsView } = await import('../rewards-session.js');
        const { readRigChainStatus, rigLedgerStatus, requireContract, readEpoch } = await import('../../rewards/index.js');
        const { receiptStates } = await import('../../ledger/index.js');
        const { readLedgerRecords } = await import('../rewards/ledger-view.js');
        const { MinerError } = await import('../../errors.js');
        const view = await openRewardsView(ctx, { lane: 'rig', rigs: options.rigs });
        try {
          if (view.rigIds.length === 0) {
            throw new MinerError('BAD_USAGE', 'No rig is configured.', { hint: 'Pass --rigs 1,2 or set them: `botcoin-miner config set rigs 1,2` (or RIG_ID).' });
          }
          const contract = requireContract(view.contracts, 'rigMining');
          const { epochId } = await readEpoch(view.publicClient, contract);
          const receipts = [...receiptStates(await readLedgerRecords(ctx, view.address, view.dataDir)).values()];
          const rows: RigRow[] = [];
          for (const rigId of view.rigIds) {
            const chain = await readRigChainStatus(view.publicClient, contract, { rigId, operator: view.address, epochId });
            const local = rigLedgerStatus(receipts, rigId, epochId);
            rows.push({
              rigId: rigId.toString(),
              authorized: chain.authorized,
              nextIndex: chain.nextIndex.toString(),
              lastReceiptHash: chain.lastReceiptHash,
              creditsThisEpoch: local.creditsThisEpoch.toString(),
              confirmedThisEpoch: local.confirmedThisEpoch,
              inFlight: local.inFlight,
              lastReceipt: local.lastReceipt ? { receiptId: local.lastReceipt.receiptId, state: local.lastReceipt.state, txHash: local.lastReceipt.txHash } : null,
            });
          }
          ctx.out.result<RigStatusResult>({ operator: view.address, epochId: epochId.toString(), rigs: rows }, renderRigs);
        } finally {
          await view.close();
        }
      }),
    );
}

function renderRigs(result: RigStatusResult): string {
  const lines = [`operator ${result.operator}, epoch ${result.epochId}`];
  for (const r of result.rigs) {
    lines.push(
      `rig ${r.rigId}: ${r.authorized ? 'authorized' : 'NOT authorized'}, next index ${r.nextIndex}, last receipt ${r.lastReceiptHash.slice(0, 18)}…, ` +
        `${r.creditsThisEpoch} credits this epoch (${r.confirmedThisEpoch} confirmed${r.inFlight > 0 ? `, ${r.inFlight} in flight` : ''})`,
    );
  }
  return lines.join('\n');
}
