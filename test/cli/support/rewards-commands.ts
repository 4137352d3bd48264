// The rewards/doctor/init commands, added to the real program for in-process CLI tests until
// they are registered in src/cli/commands/index.ts (capture-cli skips what is registered).
import type { Command } from 'commander';
import { registerClaim } from '../../../src/cli/commands/claim.js';
import { registerCredits } from '../../../src/cli/commands/credits.js';
import { registerDoctor } from '../../../src/cli/commands/doctor.js';
import { registerEpoch } from '../../../src/cli/commands/epoch.js';
import { registerInit } from '../../../src/cli/commands/init.js';
import { registerRig } from '../../../src/cli/commands/rig.js';
import { registerStaking } from '../../../src/cli/commands/staking.js';
import { registerStatus } from '../../../src/cli/commands/status.js';
import { runCli as runCapturedCli, type CliResult } from '../commands/capture-cli.js';

const registrations: Array<[name: string, add: (program: Command) => void]> = [
  ['claim', registerClaim],
  ['credits', registerCredits],
  ['doctor', registerDoctor],
  ['epoch', registerEpoch],
  ['init', registerInit],
  ['rig', registerRig],
  ['stake', registerStaking],
  ['status', registerStatus],
];

function addMissing(program: Command): void {
  for (const [name, add] of registrations) if (!program.commands.some((c) => c.name() === name)) add(program);
}

/** Runs the real CLI in-process with every rewards command available. */
export function runCli(args: string[]): Promise<CliResult> {
  return runCapturedCli(args, { name: '\0rewards', add: addMissing });
}
