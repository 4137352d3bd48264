import type { Command } from 'commander';
import { action, type CommandContext } from '../context.js';
import type { GuardedTransaction } from '../../chain/guard/index.js';
import type { SendContext } from '../../rewards/execute.js';
import type { RewardsView } from '../rewards-session.js';
import type { Amount } from '../rewards/format.js';

interface StakingStep {
  function: string;
  to: string;
  /** Only for a stake whose simulation must wait for the approval to be mined (dry run). */
  simulated: boolean;
  txHash?: string;
  blockNumber?: string;
}

interface StakingResult {
  action: 'stake' | 'unstake' | 'withdraw';
  miner: string;
  dryRun: boolean;
  amount?: string;
  steps: StakingStep[];
  /** The position after the transactions (before them, with --dry-run). */
  position: { staked: string; withdrawableAt: string; eligible: boolean; tier: number | null; balance: string };
  note?: string;
}

/** `stake <amount>`, `unstake`, `withdraw`: the wallet lane's staking, each through the guard. */
export function registerStaking(program: Command): void {
  program
    .command('stake <amount>')
    .summary('stake BOTCOIN on the mining contract (wallet lane)')
    .description('stake BOTCOIN on the wallet-lane mining contract (amount in whole BOTCOIN, e.g. 5000000 or 1.5): approve if needed, then stake')
    .option('--dry-run', 'guard and simulate, print what would be sent, send nothing')
    .action(
      action(async (ctx, amount: string, options: { dryRun?: boolean }) => {
        const { parseBotcoin } = await import('../../rewards/staking.js');
        const value = parseBotcoin(amount);
        await withStakingSession(ctx, Boolean(options.dryRun), 'stake', (view, sender) => stake(ctx, view, sender, value));
      }),
    );

  program
    .command('unstake')
    .summary('request to unstake everything (wallet lane)')
    .description('request to unstake everything staked (wallet lane); withdraw after the cooldown')
    .option('--dry-run', 'guard and simulate, print what would be sent, send nothing')
    .action(
      action(async (ctx, options: { dryRun?: boolean }) => {
        const { guardUnstake } = await import('../../rewards/staking.js');
        await withStakingSession(ctx, Boolean(options.dryRun), 'unstake', (view, sender) =>
          single(ctx, view, sender, 'unstake', (context) => guardUnstake(view.publicClient, view.coordinator, context)),
        );
      }),
    );

  program
    .command('withdraw')
    .summary('withdraw unstaked BOTCOIN after the cooldown')
    .description('withdraw the unstaked BOTCOIN once the unstake cooldown has elapsed (wallet lane)')
    .option('--dry-run', 'guard and simulate, print what would be sent, send nothing')
    .action(
      action(async (ctx, options: { dryRun?: boolean }) => {
        const { guardWithdraw } = await import('../../rewards/staking.js');
        const { requireContract } = await import('../../rewards/contracts.js');
        await withStakingSession(ctx, Boolean(options.dryRun), 'withdraw', (view, sender) =>
          single(ctx, view, sender, 'withdraw', (context) => guardWithdraw(view.publicClient, view.coordinator, requireContract(view.contracts, 'mining'), context)),
        );
      }),
    );
}

type Flow = (view: RewardsView, sender: SendContext | undefined) => Promise<Omit<StakingResult, 'position' | 'miner' | 'dryRun'>>;

async function withStakingSession(ctx: CommandContext, dryRun: boolean, name: StakingResult['action'], flow: Flow): Promise<void> {
  const { openRewardsSession } = await import('../rewards-session.js');
  const { readStakePosition } = await import('../../rewards/staking.js');
  const { requireContract } = await import('../../rewards/contracts.js');
  const { botcoinAmount } = await import('../rewards/amount.js');
  const { view, sender } = await openRewardsSession(ctx, { dryRun, lane: 'wallet' });
  try {
    const result = await flow(view, sender);
    const position = await readStakePosition(view.publicClient, { mining: requireContract(view.contracts, 'mining'), token: requireContract(view.contracts, 'token') }, view.address);
    ctx.out.result<StakingResult>(
      {
        ...result,
        action: name,
        miner: view.address,
        dryRun,
        position: {
          staked: position.staked.toString(),
          withdrawableAt: position.withdrawableAt.toString(),
          eligible: position.eligible,
          tier: position.tier ? position.tier.index + 1 : null,
          balance: position.balance.toString(),
        },
      },
      (r) => renderStaking(r, botcoinAmount),
    );
  } finally {
    await view.close();
  }
}

async function stake(ctx: CommandContext, view: RewardsView, sender: SendContext | undefined, amount: bigint): ReturnType<Flow> {
  const { guardApprove, guardStake, isAllowanceShortfall, readStakePosition } = await import('../../rewards/staking.js');
  const { requireContract } = await import('../../rewards/contracts.js');
  const context = { allowList: view.allowList, sender: view.address };
  const position = await readStakePosition(view.publicClient, { mining: requireContract(view.contracts, 'mining'), token: requireContract(view.contracts, 'token') }, view.address);
  const approve = position.allowance < amount ? await guardApprove(view.publicClient, view.coordinator, amount, context) : undefined;
  let stakeTx: GuardedTransaction | undefined;
  try {
    stakeTx = await guardStake(view.publicClient, view.coordinator, amount, context);
  } catch (error) {
    // Before the approval is mined the stake can only be decoded and checked, not simulated.
    if (!(approve && isAllowanceShortfall(error))) throw error;
  }
  const steps: StakingStep[] = [
    ...(approve ? [step(approve, true)] : []),
    stakeTx ? step(stakeTx, true) : { function: `stake(${amount})`, to: requireContract(view.contracts, 'mining'), simulated: false },
  ];
  const base = { action: 'stake' as const, amount: amount.toString(), steps };
  if (!sender) return { ...base, note: `Dry run: nothing was sent.${stakeTx ? '' : ' The stake is simulated once the approval is mined.'}` };
  const { botcoinAmount: botcoin } = await import('../rewards/amount.js');
  if (!(await confirmed(ctx, `Stake ${botcoin(amount)} from ${view.address}${approve ? ' (approve, then stake)' : ''}?`))) return { ...base, note: 'Cancelled: nothing was sent.' };
  if (approve) record(steps[0] as StakingStep, await sendOne(ctx, sender, approve));
  const finalStake = stakeTx ?? (await guardStake(view.publicClient, view.coordinator, amount, context));
  record(steps.at(-1) as StakingStep, await sendOne(ctx, sender, finalStake));
  (steps.at(-1) as StakingStep).simulated = true;
  return base;
}

async function single(
  ctx: CommandContext,
  view: RewardsView,
  sender: SendContext | undefined,
  name: 'unstake' | 'withdraw',
  guard: (context: { allowList: RewardsView['allowList']; sender: RewardsView['address'] }) => Promise<GuardedTransaction>,
): ReturnType<Flow> {
  const tx = await guard({ allowList: view.allowList, sender: view.address });
  const steps = [step(tx, true)];
  if (!sender) return { action: name, steps, note: 'Dry run: it passed the guard and its simulation; nothing was sent.' };
  if (!(await confirmed(ctx, `${name === 'unstake' ? 'Unstake everything staked by' : 'Withdraw the unstaked BOTCOIN of'} ${view.address}?`))) {
    return { action: name, steps, note: 'Cancelled: nothing was sent.' };
  }
  record(steps[0] as StakingStep, await sendOne(ctx, sender, tx));
  return { action: name, steps };
}

function step(tx: GuardedTransaction, simulated: boolean): StakingStep {
  const args = Object.values(tx.args).map(String).join(', ');
  return { function: `${tx.functionName}(${args})`, to: tx.to, simulated };
}

function record(target: StakingStep, sent: { hash: string; blockNumber: bigint }): void {
  target.txHash = sent.hash;
  target.blockNumber = sent.blockNumber.toString();
}

async function confirmed(ctx: CommandContext, question: string): Promise<boolean> {
  const { confirmSend } = await import('../prompt-io.js');
  return confirmSend(ctx, question);
}

async function sendOne(ctx: CommandContext, sender: SendContext, tx: GuardedTransaction): Promise<{ hash: string; blockNumber: bigint }> {
  const { sendAndConfirm } = await import('../../rewards/execute.js');
  const sent = await sendAndConfirm(sender, tx);
  ctx.out.info(`confirmed ${tx.functionName} in block ${sent.blockNumber} (tx ${sent.hash})`);
  return sent;
}

function renderStaking(result: StakingResult, botcoin: Amount): string {
  const lines = result.steps.map((s) => `${s.txHash ? 'sent' : result.dryRun ? 'would send' : 'not sent'} ${s.function} → ${s.to}${s.txHash ? ` (tx ${s.txHash})` : ''}`);
  const p = result.position;
  const pending = p.withdrawableAt !== '0' ? `, withdrawable at ${new Date(Number(p.withdrawableAt) * 1000).toISOString()}` : '';
  lines.push(`staked ${botcoin(p.staked)} (${p.eligible ? `eligible, tier ${p.tier}` : 'not eligible'})${pending}; wallet balance ${botcoin(p.balance)}`);
  if (result.note) lines.push(result.note);
  return lines.join('\n');
}
