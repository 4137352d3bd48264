import type { Command } from 'commander';
import { action, type CommandContext } from '../context.js';
import type { GuardedTransaction } from '../../chain/guard/index.js';
import type { ClaimBatch, ClaimScan } from '../../rewards/claimable.js';
import type { SendContext } from '../../rewards/execute.js';
import type { RewardsView } from '../rewards-session.js';
import { parseEpochList, parseScan, type Amount } from '../rewards/format.js';

interface ClaimRow {
  kind: ClaimBatch['kind'];
  rigId?: string;
  epochs: string[];
  /** What the batch should pay, where the shares are public (wallet lane regular claims). */
  expected?: string;
  to: string;
  function: string;
  txHash?: string;
  blockNumber?: string;
  /** BOTCOIN the transaction paid out (Transfer events from the claimed contract). */
  paid?: string;
}

export interface ClaimResult {
  lane: string;
  address: string;
  currentEpoch: string;
  dryRun: boolean;
  /** The epochs looked at: named with --epochs, else the last `scan` ended ones. */
  scanned: { epochs?: string[]; last?: number };
  epochs: Array<Record<string, unknown>>;
  bonus: Array<Record<string, unknown>>;
  claims: ClaimRow[];
  note?: string;
}

export function registerClaim(program: Command): void {
  program
    .command('claim')
    .summary('claim the rewards of ended epochs')
    .description(
      'claim rewards of ended epochs: finds by itself every epoch that is ended, funded, finalized, credited and unclaimed ' +
        '(the last 64 epochs unless --epochs/--scan say otherwise), plus bonus epochs, for the wallet or each configured rig; ' +
        'every transaction passes the guard and asks for confirmation (--yes skips it)',
    )
    .option('--epochs <ids>', 'only these epochs, comma-separated (e.g. 20,21)')
    .option('--scan <n>', 'how many ended epochs to look back when --epochs is not given', '64')
    .option('--rigs <ids>', 'rig lane: the rigs to claim for (default: the `rigs` setting)')
    .option('--dry-run', 'find, guard and simulate the claims, print them, send nothing')
    .action(
      action(async (ctx, options: ClaimOptions) => {
        const { botcoinAmount } = await import('../rewards/amount.js');
        const result = await claimRewards(ctx, options);
        ctx.out.result(result, (r) => renderClaim(r, botcoinAmount));
      }),
    );
}

export interface ClaimOptions {
  epochs?: string | undefined;
  scan?: string | undefined;
  rigs?: string | undefined;
  dryRun?: boolean | undefined;
}

/** The `claim` document (also the MCP `claim` tool): find, guard, and unless a dry run, confirm and send. */
export async function claimRewards(ctx: CommandContext, options: ClaimOptions): Promise<ClaimResult> {
  const epochs = parseEpochList(options.epochs);
  const span = parseScan(options.scan);
  const { openRewardsSession } = await import('../rewards-session.js');
  const { view, sender } = await openRewardsSession(ctx, { dryRun: Boolean(options.dryRun), rigs: options.rigs });
  try {
    const { botcoinAmount } = await import('../rewards/amount.js');
    return await runClaim(ctx, view, sender, { epochs, span: span ?? 64, dryRun: Boolean(options.dryRun) }, botcoinAmount);
  } finally {
    await view.close();
  }
}

async function runClaim(
  ctx: CommandContext,
  view: RewardsView,
  sender: SendContext | undefined,
  options: { epochs: bigint[] | undefined; span: number; dryRun: boolean },
  botcoin: Amount,
): Promise<ClaimResult> {
  const { findClaims, guardClaimBatch, readEpoch, requireContract, sendAndConfirm, paidBy } = await import('../../rewards/index.js');
  const { confirmSend } = await import('../prompt-io.js');
  const contract = requireContract(view.contracts, view.lane === 'rig' ? 'rigMining' : 'mining');
  const { epochId: current } = await readEpoch(view.publicClient, contract);
  const target =
    view.lane === 'wallet'
      ? { lane: 'wallet' as const, mining: contract, miner: view.address }
      : { lane: 'rig' as const, rigMining: contract, operator: view.address, rigIds: view.rigIds };
  const scan = await findClaims(view.publicClient, view.coordinator, target, { current, span: options.span, ...(options.epochs ? { epochs: options.epochs } : {}) });
  const base: ClaimResult = {
    lane: view.lane,
    address: view.address,
    currentEpoch: current.toString(),
    dryRun: options.dryRun,
    scanned: options.epochs ? { epochs: options.epochs.map(String) } : { last: options.span },
    ...stateRows(scan),
    claims: [],
  };
  if (scan.batches.length === 0) {
    return { ...base, note: `Nothing to claim: no ended epoch is funded, finalized, credited and unclaimed${options.epochs ? ' among the named epochs' : ` in the last ${options.span} epochs`}.` };
  }

  const context = { allowList: view.allowList, sender: view.address };
  const guarded: Array<{ batch: ClaimBatch; tx: GuardedTransaction }> = [];
  for (const batch of scan.batches) guarded.push({ batch, tx: await guardClaimBatch(view.publicClient, view.coordinator, batch, context) });
  const rows = guarded.map(({ batch, tx }) => claimRow(batch, tx));
  if (!sender) return { ...base, claims: rows, note: 'Dry run: every claim passed the guard and its simulation; nothing was sent.' };

  for (const row of rows) ctx.out.info(`will send ${row.function} to ${row.to}${row.expected ? ` (expected ${botcoin(row.expected)})` : ''}`);
  if (!(await confirmSend(ctx, `Send ${rows.length} claim transaction${rows.length > 1 ? 's' : ''}?`))) {
    return { ...base, claims: rows, note: 'Cancelled: nothing was sent.' };
  }
  for (const [index, { tx }] of guarded.entries()) {
    const sent = await sendAndConfirm(sender, tx);
    const row = rows[index] as ClaimRow;
    Object.assign(row, { txHash: sent.hash, blockNumber: sent.blockNumber.toString(), paid: paidBy(sent.events, tx.to).toString() });
    ctx.out.info(`confirmed ${row.function} in block ${row.blockNumber}: paid ${botcoin(row.paid as string)}`);
  }
  return { ...base, claims: rows };
}

function claimRow(batch: ClaimBatch, tx: GuardedTransaction): ClaimRow {
  return {
    kind: batch.kind,
    ...(batch.rigId !== undefined ? { rigId: batch.rigId.toString() } : {}),
    epochs: batch.epochs.map(String),
    ...(batch.expected !== undefined ? { expected: batch.expected.toString() } : {}),
    to: tx.to,
    function: `${tx.functionName}(${batch.rigId !== undefined ? `${batch.rigId}, ` : ''}[${batch.epochs.join(', ')}])`,
  };
}

/** bigint fields as decimal strings (the JSON convention) for the scanned epochs. */
function stateRows(scan: ClaimScan): Pick<ClaimResult, 'epochs' | 'bonus'> {
  const plain = (row: object): Record<string, unknown> =>
    Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? v.toString() : v]));
  return { epochs: [...scan.walletEpochs, ...scan.rigEpochs].map(plain), bonus: scan.bonus.map(plain) };
}

function renderClaim(result: ClaimResult, botcoin: Amount): string {
  const lines: string[] = [];
  for (const claim of result.claims) {
    const who = claim.rigId ? `rig ${claim.rigId} ` : '';
    const what = claim.kind === 'bonus_claim' ? 'bonus' : 'claim';
    const money = claim.paid !== undefined ? `paid ${botcoin(claim.paid)}` : claim.expected !== undefined ? `expected ${botcoin(claim.expected)}` : '';
    lines.push(`${who}${what} epochs ${claim.epochs.join(', ')}  ${money}${claim.txHash ? `  tx ${claim.txHash}` : ''}`.trimEnd());
  }
  if (result.note) lines.push(result.note);
  return lines.join('\n');
}
