import type { Command } from 'commander';
import { action, type CommandContext } from '../context.js';
import type { DoctorReport } from '../../doctor/types.js';

export function registerDoctor(program: Command): void {
  program
    .command('doctor')
    .summary('check everything mining needs (no secrets)')
    .description(
      'check everything mining needs, without any secret: coordinator (/health) and its skill file, the RPC chain id, ' +
        'the wallet (address only) and its gas, eligibility this epoch (stake tier or rig authorization), the model (one-token call); ' +
        'exit 0 when all pass, else the first failure\'s class (2 config, 3 unavailable, 4 refused)',
    )
    .option('--min-gas <eth>', 'ETH balance below which the gas check fails', '0.0005')
    .action(
      action(async (ctx, options: { minGas: string }) => {
        const { renderDoctor } = await import('../../doctor/render.js');
        const report = await runDoctorFor(ctx, options.minGas);
        ctx.out.result(report, (r) => renderDoctor(r));
        return report.exitCode;
      }),
    );
}

/** Runs the doctor on the context's resolved settings (also `init`'s last step). */
export async function runDoctorFor(ctx: CommandContext, minGas = '0.0005'): Promise<DoctorReport> {
  const { parseEther } = await import('viem');
  const { MinerError } = await import('../../errors.js');
  const { runDoctor } = await import('../../doctor/run.js');
  const { parseRigIds, sandboxView, walletRef } = await import('../rewards-session.js');
  const { minerSettings } = await import('./miner-settings.js');
  const { parseLane } = await import('../../miner/session.js');
  let minGasWei: bigint;
  try {
    minGasWei = parseEther(minGas);
  } catch {
    throw new MinerError('BAD_USAGE', `--min-gas "${minGas}" is not an amount of ETH.`, { hint: 'e.g. --min-gas 0.001' });
  }
  const settings = minerSettings(ctx, {}, { needsModel: false });
  const lane = parseLane(settings.lane);
  // The running sandbox's description only: the doctor reports on a sandbox, it never starts one.
  const sandbox = settings.sandbox ? sandboxView(await (await import('../../sandbox/network/description.js')).readSandboxDescription(settings.dataDir)) : undefined;
  const setting = (key: Parameters<CommandContext['setting']>[0]): string | undefined => ctx.setting(key).value;
  return runDoctor({
    coordinatorUrl: sandbox?.coordinatorUrl ?? setting('coordinator') ?? '',
    rpcUrl: sandbox?.rpcUrl ?? setting('rpc') ?? '',
    lane,
    rigIds: lane === 'rig' ? parseRigIds(setting('rigs'), sandbox?.rigIds) : [],
    resolveWallet: () => walletRef(ctx, settings, sandbox, lane),
    ...(sandbox ? { sandbox: sandbox.book } : {}),
    model: {
      provider: setting('provider') ?? 'openai',
      model: setting('model'),
      baseUrl: setting('modelBaseUrl'),
      apiKey: setting('modelApiKey'),
      timeoutMs: Number(setting('modelTimeoutMs') ?? 30_000),
    },
    minGasWei,
  });
}
