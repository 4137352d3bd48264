import type { Command } from 'commander';
import { action } from '../context.js';
import type { DoctorReport } from '../../doctor/types.js';
import type { ProfileValues } from '../../config/profile.js';
import type { StepContext } from '../init/steps.js';

interface InitResult {
  profile: string;
  configFile: string;
  wallet: { address: string; keystore: string };
  values: ProfileValues;
  /** Where the model API key lives (never in the profile). */
  modelKey: string;
  doctor: DoctorReport;
}

const ALTERNATIVES =
  'Without the wizard: `botcoin-miner wallet new` (or `wallet import`, or BOTCOIN_PRIVATE_KEY for automation); ' +
  '`botcoin-miner config set coordinator <url>`, `config set rpc <url>`, `config set lane rig|wallet`, `config set rigs 1,2`, ' +
  '`config set provider openai|anthropic`, `config set model <name>`, `config set modelBaseUrl <url>` ' +
  '(or COORDINATOR_URL, BASE_RPC_URL, BOTCOIN_LANE, RIG_ID, BOTCOIN_PROVIDER, BOTCOIN_MODEL, BOTCOIN_MODEL_BASE_URL); ' +
  'export BOTCOIN_MODEL_API_KEY; then run `botcoin-miner doctor`.';

export function registerInit(program: Command): void {
  program
    .command('init')
    .summary('set up wallet, coordinator, lane, rigs and model')
    .description('set up mining interactively: wallet (keystore), coordinator and lane, rigs, model; writes the profile, then runs `doctor`')
    .action(
      action(async (ctx) => {
        const { MinerError } = await import('../../errors.js');
        const { promptSession } = await import('../prompt-io.js');
        const prompt = promptSession(ctx);
        if (!prompt.interactive) {
          throw new MinerError('BAD_USAGE', '`init` is an interactive wizard, and there is no terminal to ask on (or --json was given).', { hint: ALTERNATIVES });
        }
        const steps = await import('../init/steps.js');
        const { runDoctorFor } = await import('./doctor.js');
        const { renderDoctor } = await import('../../doctor/render.js');
        const step: StepContext = {
          io: prompt.io,
          dataDir: ctx.setting('dataDir').value,
          current: (key) => ctx.setting(key).value,
          note: (message) => ctx.out.info(message),
        };
        const wallet = await steps.walletStep(step);
        const network = await steps.networkStep(step);
        const lane = await steps.laneStep(step, network.sandboxRigs);
        const model = await steps.modelStep(step);
        const values: ProfileValues = { keystore: wallet.keystore, ...network.values, ...lane, ...model.values };
        const store = ctx.profiles();
        for (const [key, value] of Object.entries(values)) if (value !== undefined) store.set(ctx.profileName, key, value);
        ctx.out.info(`Wrote profile "${ctx.profileName}" to ${store.path}. Running doctor…`);
        const doctor = await runDoctorFor(ctx);
        const modelKey = model.key.storage === 'file' ? `file ${model.key.path}` : model.key.storage === 'env' ? 'environment (BOTCOIN_MODEL_API_KEY)' : 'none';
        ctx.out.result<InitResult>(
          { profile: ctx.profileName, configFile: store.path, wallet, values, modelKey, doctor },
          (r) => [`profile ${r.profile}: ${Object.entries(r.values).map(([k, v]) => `${k}=${v}`).join(' ')}`, `model API key: ${r.modelKey}`, renderDoctor(r.doctor)].join('\n'),
        );
        return doctor.exitCode;
      }),
    );
}
