import type { Command } from 'commander';
import { action } from '../context.js';
import { MinerError } from '../../errors.js';
import { ledgerHome } from '../../miner/ledger-home.js';
import type { ReceiptStateName } from '../../ledger/records.js';
import type { ReceiptView } from '../../ledger/receipts.js';

/** One receipt as `receipts list` shows it: the bulky receipt, signature and raw tx stay in the ledger. */
type ReceiptRow = Omit<ReceiptView, 'receipt' | 'signature' | 'rawTransaction' | 'transaction' | 'txNonce' | 'miner' | 'history'> & {
  history: Array<{ state: ReceiptStateName; ts: string }>;
};

interface ReceiptsListResult {
  wallet: string;
  ledger: string;
  receipts: ReceiptRow[];
}

export function registerReceipts(program: Command): void {
  const receipts = program.command('receipts').summary("the ledger's receipts and their states").description('receipts recorded in the local ledger and their on-chain state');

  receipts
    .command('list')
    .description('list the ledger\'s receipts (signed → broadcast → confirmed | reverted | dropped), oldest first')
    .option('--state <state>', 'only receipts now in this state (signed, broadcast, confirmed, reverted, dropped)')
    .option('--wallet <address>', 'whose ledger (default: the `miner` setting, env MINER_ADDRESS)')
    .action(
      action(async (ctx, options: { state?: string; wallet?: string }) => {
        const { openLedger, receiptStates, receiptStateNames } = await import('../../ledger/index.js');
        const state = parseState(options.state, receiptStateNames);
        // With --sandbox: the running sandbox's test wallet for the lane, and that sandbox's ledger.
        const sandbox = ctx.globals.sandbox ? await (await import('../../sandbox/network/description.js')).readSandboxDescription(ctx.setting('dataDir').value) : undefined;
        const sandboxWallet = sandbox && (ctx.setting('lane').value === 'wallet' ? sandbox.accounts.miner.address : sandbox.accounts.operator.address);
        const wallet = options.wallet ?? sandboxWallet ?? ctx.setting('miner').value;
        if (!wallet) {
          throw new MinerError('BAD_USAGE', 'No wallet given, so there is no ledger to read.', {
            hint: 'Pass --wallet <address>, set MINER_ADDRESS, or run `botcoin-miner config set miner <address>`.',
          });
        }
        const ledger = openLedger({
          wallet,
          dir: ledgerHome(ctx.setting('dataDir').value, sandbox),
          onWarning: (w) => ctx.out.warn(`${w.file}:${w.line}: ${w.message}`),
        });
        const views = [...receiptStates(await ledger.read({ kind: 'receipt' })).values()];
        const rows: ReceiptRow[] = views
          .filter((v) => state === undefined || v.state === state)
          .map(({ receipt: _receipt, signature: _signature, rawTransaction: _raw, transaction: _tx, txNonce: _nonce, miner: _miner, history, ...row }) => ({
            ...row,
            history: history.map((r) => ({ state: r.state, ts: r.ts })),
          }));
        ctx.out.result<ReceiptsListResult>({ wallet: ledger.wallet, ledger: ledger.dir, receipts: rows }, render);
      }),
    );
}

function parseState(value: string | undefined, states: readonly ReceiptStateName[]): ReceiptStateName | undefined {
  if (value === undefined) return undefined;
  const state = states.find((s) => s === value.toLowerCase());
  if (!state) {
    throw new MinerError('BAD_USAGE', `Unknown receipt state "${value}".`, { hint: `Use one of: ${states.join(', ')}.` });
  }
  return state;
}

function render(result: ReceiptsListResult): string {
  if (result.receipts.length === 0) return `No receipts in the ledger of ${result.wallet}.`;
  return result.receipts
    .map((r) => {
      const where = r.lane === 'rig' ? `rig ${r.rigId}` : 'wallet';
      const extra = r.creditsEarned ? ` +${r.creditsEarned} credits` : r.revertError ? ` (${r.revertError})` : r.dropReason ? ` (${r.dropReason})` : '';
      return `${r.state.padEnd(9)} epoch ${r.epochId} #${r.solveIndex} ${where} ${r.txHash}${r.blockNumber ? ` block ${r.blockNumber}` : ''}${extra}`;
    })
    .join('\n');
}
