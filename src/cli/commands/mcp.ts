import type { Command } from 'commander';
import { untilSignal } from '../until-signal.js';
import { action, CommandContext, type GlobalOptions } from '../context.js';
import type { ResolvedSetting } from '../../config/resolve.js';
import type { SettingKey } from '../../config/settings.js';
import type { MinerFlags } from './miner-settings.js';

interface McpFlags {
  lane?: string;
  rigs?: string;
  strategy?: string;
  model?: string;
}

export function registerMcp(program: Command): void {
  program
    .command('mcp')
    .summary('serve the miner to an agent over MCP (stdio)')
    .description(
      'run an MCP server on stdin/stdout exposing the miner as tools (status, challenge, solve_task, check, submit, mine_one, claim); ' +
        'settings resolve as for the other commands; logs go to stderr. With --sandbox and no sandbox running it starts one for its lifetime',
    )
    .option('--lane <lane>', 'wallet or rig (env BOTCOIN_LANE)')
    .option('--rigs <ids>', 'rigs to work with, comma-separated (env RIG_ID / BOTCOIN_RIGS)')
    .option('--strategy <name>', 'mine_one strategy: hybrid (default) or llm (env BOTCOIN_STRATEGY)')
    .option('--model <name>', 'model name (env BOTCOIN_MODEL); `answer-key` (only with --sandbox) replays the sandbox answer key')
    .action(
      action(async (ctx, flags: McpFlags) => {
        const [{ StdioServerTransport }, { createMinerMcpServer }, { minerSettings }] = await Promise.all([
          import('@modelcontextprotocol/sdk/server/stdio.js'),
          import('../../mcp/server.js'),
          import('./miner-settings.js'),
        ]);
        const log = (message: string): void => ctx.out.info(message);
        const sandbox = ctx.globals.sandbox ? await keepSandbox(ctx.setting('dataDir').value, log) : undefined;
        const base: MinerFlags = Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined));
        const server = createMinerMcpServer({
          settings: (overrides, options) => ({ ...minerSettings(ctx, { ...base, ...overrides }, options), interactive: false }),
          context: async (options = {}) => {
            const context = new McpCommandContext({ ...ctx.globals, json: true, yes: Boolean(options.yes) }, base);
            await context.load();
            return context;
          },
          log,
        });
        const closed = Promise.race([
          new Promise<void>((resolve) => {
            server.server.onclose = resolve;
            process.stdin.once('end', resolve);
          }),
          untilSignal(),
        ]);
        await server.connect(new StdioServerTransport());
        log('botcoin-miner MCP server ready on stdio');
        await closed;
        await server.close().catch(() => {});
        await sandbox?.();
      }),
    );
}

/** A command context whose settings also see `mcp`'s own flags (--lane, --rigs...), as the mining tools do. */
class McpCommandContext extends CommandContext {
  constructor(
    globals: GlobalOptions,
    private readonly flags: MinerFlags,
  ) {
    super(globals);
  }

  override setting(key: SettingKey, flags: Partial<Record<string, string | undefined>> = {}): ResolvedSetting {
    const given = Object.fromEntries(Object.entries(flags).filter(([, value]) => value !== undefined));
    return super.setting(key, { ...this.flags, ...given });
  }
}

/**
 * `mcp --sandbox` with no sandbox running starts one and writes its description, as `sandbox up`
 * does, so every tool call finds the same network (a sandbox per call would lose the current
 * challenge). Returns its stop function, or undefined when one was already running.
 */
async function keepSandbox(dataDir: string | undefined, log: (message: string) => void): Promise<(() => Promise<void>) | undefined> {
  const network = await import('../../sandbox/network/index.js');
  const running = await network.readSandboxDescription(dataDir).catch(() => undefined);
  if (running && network.isHealthy(await network.probeSandbox(running))) return undefined;
  log('No sandbox is running: starting one for this MCP server (it stops with the server).');
  const handle = await network.startSandbox(dataDir === undefined ? {} : { dataDir });
  return () => handle.stop();
}
