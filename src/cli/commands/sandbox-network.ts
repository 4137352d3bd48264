/**
 * `sandbox up|status|down`: the local network as a product (spec/sandbox.md §5). `up` runs in
 * the foreground until Ctrl-C/SIGTERM, or with `--detach` re-runs itself in the background and
 * returns once the network answers. Exit codes: 0 ok; 2 bad options; 3 no sandbox / unhealthy /
 * failed to start (a live sandbox in the same data dir is refused, never reused).
 */
import type { Command } from 'commander';
import { untilSignal } from '../until-signal.js';
import { action, type CommandContext } from '../context.js';
import { MinerError } from '../../errors.js';
import type { SandboxDescription, SandboxLiveness, SandboxOptions } from '../../sandbox/network/index.js';

interface UpOptions {
  blockTime: string;
  epochSeconds?: string;
  port?: string;
  rpcPort?: string;
  state?: string;
  detach?: boolean;
  evaluators?: boolean;
}

const DETACH_READY_TIMEOUT_MS = 60_000;
const EXIT_WATCHDOG_MS = 1_000;

export function registerSandboxNetwork(sandbox: Command): void {
  sandbox
    .command('up')
    .description('start the local network (chain, contracts, funded test wallets, coordinator); tests and demos only')
    .option('--block-time <seconds>', 'seconds between blocks: 0 (a block per transaction) or 2 (Base-like)', '0')
    .option('--epoch-seconds <n>', 'epoch length of a new sandbox (default 300)')
    .option('--port <port>', 'coordinator port on 127.0.0.1 (default: a free one)')
    .option('--rpc-port <port>', 'chain RPC port on 127.0.0.1 (default: a free one)')
    .option('--state <file>', 'keep the chain in this file: the same sandbox comes back on the next `up --state`')
    .option('--detach', 'run in the background (output in <data dir>/sandbox/sandbox.log) and return once ready')
    .option('--evaluators', 'also start one paid-feedback evaluator of each deterministic kind, and give the miner and the operator test USDC to pay them')
    .action(action(async (ctx, options: UpOptions) => (options.detach ? upDetached(ctx, options) : upForeground(ctx, options))));

  sandbox
    .command('status')
    .description('the running sandbox and whether it answers (exit 3 when none is running or it is unhealthy)')
    .action(
      action(async (ctx) => {
        const { readSandboxDescription, probeSandbox, isHealthy, sandboxDescriptionPath } = await import('../../sandbox/network/index.js');
        const description = await readSandboxDescription();
        const live = await probeSandbox(description);
        ctx.out.result({ ...description, live }, (status) => renderStatus(status, sandboxDescriptionPath()));
        return isHealthy(live) ? 0 : 3;
      }),
    );

  sandbox
    .command('down')
    .description('stop the running sandbox (its coordinator and chain) and remove its description')
    .action(
      action(async (ctx) => {
        const { stopSandboxProcess } = await import('../../sandbox/network/index.js');
        const result = await stopSandboxProcess();
        ctx.out.result(result, (r) =>
          r.stopped ? `Stopped the sandbox (pid ${r.pid})${r.forced ? ' — it ignored SIGTERM and was killed' : ''}.` : (r.note ?? ''),
        );
      }),
    );
}

async function upForeground(ctx: CommandContext, options: UpOptions): Promise<number> {
  const { startSandbox } = await import('../../sandbox/network/index.js');
  const evaluators = options.evaluators ? (await import('../../market/evaluator/sandbox.js')).sandboxEvaluatorStarters() : undefined;
  const sandbox = await startSandbox({
    ...sandboxOptions(options),
    ...(evaluators ? { evaluators } : {}),
    coordinator: { onError: (error) => ctx.out.warn(`coordinator: ${(error as Error).message?.split('\n')[0] ?? String(error)}`) },
  });
  report(ctx, sandbox.description, sandbox.descriptionPath ?? '');
  ctx.out.info('Press Ctrl-C to stop it (or run `botcoin-miner sandbox down`).');
  const signal = await untilSignal();
  ctx.out.info(`${signal}: stopping the sandbox...`);
  await sandbox.stop();
  ctx.out.info('Sandbox stopped.');
  // Everything is stopped; only a coordinator request still polling the gone chain could keep
  // the event loop alive (up to viem's 180 s). This unref'd timer ends the process in that case.
  setTimeout(() => process.exit(0), EXIT_WATCHDOG_MS).unref();
  return 0;
}

/** Re-runs `sandbox up` (without --detach) as a detached process and waits until it answers. */
async function upDetached(ctx: CommandContext, options: UpOptions): Promise<number> {
  const [{ spawn }, { openSync, closeSync, mkdirSync }, { resolve }, network] = await Promise.all([
    import('node:child_process'),
    import('node:fs'),
    import('node:path'),
    import('../../sandbox/network/index.js'),
  ]);
  sandboxOptions(options); // validate before spawning
  await network.assertNoLiveSandbox();
  const paths = network.sandboxPaths();
  mkdirSync(paths.dir, { recursive: true });
  const log = openSync(paths.log, 'a', 0o600);
  const args = [process.argv[1] ?? '', 'sandbox', 'up', '--block-time', options.blockTime];
  if (options.epochSeconds !== undefined) args.push('--epoch-seconds', options.epochSeconds);
  if (options.port !== undefined) args.push('--port', options.port);
  if (options.rpcPort !== undefined) args.push('--rpc-port', options.rpcPort);
  if (options.state !== undefined) args.push('--state', resolve(options.state));
  if (options.evaluators) args.push('--evaluators');
  const child = spawn(process.execPath, args, { detached: true, stdio: ['ignore', log, log], env: process.env });
  closeSync(log);
  child.unref();
  let exited: string | undefined;
  child.once('exit', (code, signal) => (exited = `exit ${code ?? signal}`));
  child.once('error', (error) => (exited = error.message));
  const deadline = Date.now() + DETACH_READY_TIMEOUT_MS;
  for (;;) {
    const description = await network.readSandboxDescription().catch(() => undefined);
    if (description && description.pid === child.pid && network.isHealthy(await network.probeSandbox(description))) {
      report(ctx, description, paths.description);
      ctx.out.info(`Running in the background (pid ${child.pid}; log ${paths.log}). Stop it with \`botcoin-miner sandbox down\`.`);
      return 0;
    }
    if (exited !== undefined || Date.now() > deadline) {
      if (exited === undefined && child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
      throw new MinerError('SANDBOX', `The background sandbox did not start (${exited ?? `not ready within ${DETACH_READY_TIMEOUT_MS / 1000} s`}).`, {
        details: await logTail(paths.log),
        hint: `See ${paths.log}; run \`botcoin-miner sandbox up\` without --detach to watch it start.`,
      });
    }
    await new Promise((done) => setTimeout(done, 100));
  }
}

function sandboxOptions(options: UpOptions): SandboxOptions {
  if (options.blockTime !== '0' && options.blockTime !== '2') {
    throw new MinerError('BAD_USAGE', `Invalid --block-time "${options.blockTime}".`, { hint: 'Use --block-time 0 (instant) or 2 (Base-like).' });
  }
  const result: SandboxOptions = { blockTime: options.blockTime === '2' ? 2 : 0 };
  if (options.epochSeconds !== undefined) result.epochSeconds = integer('--epoch-seconds', options.epochSeconds, 10, 86_400 * 30);
  if (options.port !== undefined) result.coordinatorPort = integer('--port', options.port, 1, 65_535);
  if (options.rpcPort !== undefined) result.rpcPort = integer('--rpc-port', options.rpcPort, 1, 65_535);
  if (options.state !== undefined) result.stateFile = options.state;
  return result;
}

function integer(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new MinerError('BAD_USAGE', `Invalid ${flag} "${text}".`, { hint: `Give a whole number from ${min} to ${max}.` });
  }
  return value;
}

/** The summary on stderr; with --json the description (test keys included) on stdout. */
function report(ctx: CommandContext, description: SandboxDescription, path: string): void {
  ctx.out.info(renderSandbox(description, path));
  if (ctx.out.json) ctx.out.result(description, () => '');
}

/** Human view of a sandbox: URLs and addresses, never private keys. */
export function renderSandbox(d: SandboxDescription, path: string): string {
  const a = d.accounts;
  const stake = BigInt(a.miner.stake) / 10n ** 18n;
  return [
    'BOTCOIN sandbox: a local test network for tests and demos only (public test keys, no real value).',
    `  coordinator        ${d.coordinator.url}`,
    `  skill              ${d.coordinator.skillUrl}`,
    `  rpc                ${d.chain.rpcUrl}  (chain id ${d.chain.chainId}, block time ${d.chain.blockTime} s)`,
    `  epoch              ${d.epoch.durationSeconds} s, genesis ${new Date(d.epoch.genesisTimestamp * 1000).toISOString()}`,
    ...Object.entries(d.contracts).map(([name, address]) => `  ${`${name} contract`.padEnd(18)} ${address}`),
    `  miner              ${a.miner.address}  (staked ${stake} BOTCOIN)`,
    `  operator           ${a.operator.address}  (rigs ${a.operator.rigIds.join(', ')})`,
    `  student            ${a.student.address}`,
    `  evaluator          ${a.evaluator.address}`,
    `  owner              ${a.owner.address}`,
    `  coordinator signer ${a.coordinatorSigner.address}`,
    ...d.evaluators.map((e) => `  evaluator server   ${e.name} ${e.url}`),
    `  answer keys        ${d.answerKeyDir}`,
    `  description        ${path}  (with the test keys: \`sandbox status --json\`)`,
  ].join('\n');
}

function renderStatus(status: SandboxDescription & { live: SandboxLiveness }, path: string): string {
  const { live } = status;
  const flag = (ok: boolean): string => (ok ? 'up' : 'DOWN');
  return [
    renderSandbox(status, path),
    `  process ${status.pid}: ${flag(live.process)}; chain: ${flag(live.rpc)}${live.chainId === null ? '' : ` (chain id ${live.chainId})`}; ` +
      `coordinator: ${flag(live.coordinator)}${live.epoch === null ? '' : ` (epoch ${live.epoch})`}`,
  ].join('\n');
}

async function logTail(path: string): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const text = await readFile(path, 'utf8').catch(() => '');
  return text.trim().split('\n').slice(-5).join(' | ');
}
