import type { Command } from 'commander';
import { registerChallenge } from './challenge.js';
import { registerCheck } from './check.js';
import { registerClaim } from './claim.js';
import { registerConfig } from './config.js';
import { registerCredits } from './credits.js';
import { registerDoctor } from './doctor.js';
import { registerEpoch } from './epoch.js';
import { registerEvaluator } from './evaluator.js';
import { registerEvaluators } from './evaluators.js';
import { registerInit } from './init.js';
import { registerMcp } from './mcp.js';
import { registerMine } from './mine.js';
import { registerReceipts } from './receipts.js';
import { registerReceiptsRetry } from './receipts-retry.js';
import { registerRig } from './rig.js';
import { registerSandbox } from './sandbox.js';
import { registerSkill } from './skill.js';
import { registerSolve } from './solve.js';
import { registerStaking } from './staking.js';
import { registerStatus } from './status.js';
import { registerSubmit } from './submit.js';
import { registerWallet } from './wallet.js';

/**
 * Commands in the order a user meets them: set up, mine, collect, the market, the sandbox.
 * Each keeps its heavy imports inside its action, so --help stays fast.
 */
export function registerCommands(program: Command): void {
  registerInit(program);
  registerDoctor(program);
  registerConfig(program);
  registerWallet(program);
  registerSkill(program);

  registerMine(program);
  registerChallenge(program);
  registerSolve(program);
  registerCheck(program);
  registerSubmit(program);
  registerReceipts(program);
  registerReceiptsRetry(program);

  registerStatus(program);
  registerEpoch(program);
  registerCredits(program);
  registerClaim(program);
  registerStaking(program);
  registerRig(program);

  registerEvaluators(program);
  registerEvaluator(program);
  registerSandbox(program);
  registerMcp(program);
}
