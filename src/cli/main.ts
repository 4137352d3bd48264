import { Command, CommanderError, Option } from 'commander';
import { MinerError } from '../errors.js';
import { Output, ExitCode } from './output.js';
import { registerCommands } from './commands/index.js';
import { VERSION } from '../version.js';

export function buildProgram(): Command {
  const program = new Command('botcoin-miner')
    .description('Mine BOTCOIN by solving reasoning challenges: discover, solve, check, submit, broadcast.')
    .version(VERSION, '-V, --version')
    .option('--json', 'print one JSON document on stdout (human text on stderr; no prompts)')
    .option('-q, --quiet', 'print only results and errors')
    .option('-v, --verbose', 'print extra detail on stderr')
    .option('-y, --yes', 'do not ask for confirmation')
    .option('--profile <name>', 'config profile to use (env BOTCOIN_PROFILE)')
    .option('--coordinator <url>', 'coordinator base URL (env COORDINATOR_URL)')
    .option('--rpc <url>', 'chain JSON-RPC URL (env BASE_RPC_URL)')
    .addOption(new Option('--sandbox', 'use the local sandbox described by `sandbox up`'))
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      // With --json the usage error is reported as a JSON document by run(); keep stderr quiet.
      writeErr: (text) => {
        if (!process.argv.includes('--json')) process.stderr.write(text);
      },
    })
    .exitOverride();
  registerCommands(program);
  return program;
}

/** Runs the CLI and resolves with the process exit code (never calls process.exit itself). */
export async function run(argv: string[] = process.argv): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : ExitCode.ok;
  } catch (error) {
    const json = argv.includes('--json');
    const out = new Output({ json, quiet: argv.includes('--quiet') || argv.includes('-q'), verbose: argv.includes('--verbose') });
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') {
        return ExitCode.ok;
      }
      if (!json) return ExitCode.badInput;
      return out.error(
        new MinerError('BAD_USAGE', error.message.replace(/^error: /, ''), {
          hint: 'Run `botcoin-miner <command> --help` for usage.',
        }),
      );
    }
    return out.error(error);
  }
}
