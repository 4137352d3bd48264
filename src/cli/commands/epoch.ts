import type { Command } from 'commander';
import { action } from '../context.js';
import { duration } from '../rewards/format.js';
import type { EpochStatus } from '../../rewards/index.js';

export interface EpochResult {
  epochId: string;
  contract: string;
  chainTime: string;
  durationSeconds: number | null;
  endsAt: string | null;
  secondsLeft: string | null;
}

export function registerEpoch(program: Command): void {
  program
    .command('epoch')
    .summary('the current epoch and the time left')
    .description("the current epoch on chain and the time left in it (chain time; the coordinator supplies the epoch length)")
    .action(
      action(async (ctx) => {
        const { openRewardsView } = await import('../rewards-session.js');
        const { readEpoch, requireContract } = await import('../../rewards/index.js');
        const view = await openRewardsView(ctx);
        try {
          const contract = requireContract(view.contracts, view.lane === 'rig' ? 'rigMining' : 'mining');
          const epoch = await readEpoch(view.publicClient, contract, view.coordinator);
          ctx.out.result<EpochResult>(epochResult(epoch, contract), renderEpoch);
        } finally {
          await view.close();
        }
      }),
    );
}

/** The `epoch` document (also `status`'s epoch part) from the chain's epoch status. */
export function epochResult(epoch: EpochStatus, contract: string): EpochResult {
  return {
    epochId: epoch.epochId.toString(),
    contract,
    chainTime: epoch.chainTime.toString(),
    durationSeconds: epoch.durationSeconds ?? null,
    endsAt: epoch.endsAt?.toString() ?? null,
    secondsLeft: epoch.secondsLeft?.toString() ?? null,
  };
}

export function renderEpoch(epoch: EpochResult): string {
  const left = epoch.secondsLeft !== null && epoch.endsAt !== null ? `, ${duration(BigInt(epoch.secondsLeft))} left (ends ${new Date(Number(epoch.endsAt) * 1000).toISOString()})` : '';
  return `epoch ${epoch.epochId}${left}`;
}
