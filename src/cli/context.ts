import type { Command } from 'commander';
import { Output } from './output.js';
import type { ProfileStore } from '../config/profile.js';
import { withModelEnv } from '../config/model-env.js';
import { resolveSetting, type ResolvedSetting } from '../config/resolve.js';
import type { SettingKey } from '../config/settings.js';

/** The global options every command accepts (spec/miner.md §2). */
export interface GlobalOptions {
  json?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  yes?: boolean;
  profile?: string;
  coordinator?: string;
  rpc?: string;
  sandbox?: boolean;
}

/** What a command's action receives: output, resolved settings, the profile store. */
export class CommandContext {
  readonly out: Output;
  readonly globals: GlobalOptions;
  private store: ProfileStore | undefined;

  constructor(globals: GlobalOptions) {
    this.globals = globals;
    this.out = new Output({
      json: Boolean(globals.json),
      quiet: Boolean(globals.quiet),
      verbose: Boolean(globals.verbose),
    });
  }

  static from(command: Command): CommandContext {
    return new CommandContext(command.optsWithGlobals() as GlobalOptions);
  }

  get profileName(): string {
    return this.globals.profile ?? process.env.BOTCOIN_PROFILE ?? 'default';
  }

  /** Prompts are allowed only on a terminal and never with --json. */
  get interactive(): boolean {
    return !this.globals.json && Boolean(process.stdin.isTTY) && Boolean(process.stderr.isTTY);
  }

  /** Opens the profile store. `conf` is slow to import, so it loads only when a command runs. */
  async load(): Promise<void> {
    if (this.store) return;
    const { ProfileStore } = await import('../config/profile.js');
    this.store = new ProfileStore();
  }

  profiles(): ProfileStore {
    if (!this.store) throw new Error('CommandContext.load() must run before the profile store is used');
    return this.store;
  }

  /** flag > environment > profile > default. `flags` holds the command's own option values. */
  setting(key: SettingKey, flags: Partial<Record<string, string | undefined>> = {}): ResolvedSetting {
    const globalFlags: Partial<Record<string, string | undefined>> = {
      coordinator: this.globals.coordinator,
      rpc: this.globals.rpc,
    };
    return resolveSetting(key, {
      flags: { ...globalFlags, ...flags },
      // model.env (written by `init`) sits under the real environment: an exported variable wins.
      env: withModelEnv(process.env),
      profile: this.profiles().read(this.profileName),
    });
  }
}

/**
 * Wraps a commander action: builds the context from the invoking command and records the exit
 * code the handler returns. Errors propagate to `run()`, which reports them in the right shape.
 */
export function action<Args extends unknown[]>(
  handler: (ctx: CommandContext, ...args: Args) => Promise<number | void>,
): (...args: unknown[]) => Promise<void> {
  return async (...args: unknown[]) => {
    const command = args[args.length - 1] as Command;
    const ctx = CommandContext.from(command);
    await ctx.load();
    const code = await handler(ctx, ...(args.slice(0, -1) as Args));
    if (typeof code === 'number' && code !== 0) process.exitCode = code;
  };
}
