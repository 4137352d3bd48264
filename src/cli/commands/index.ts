import type { Command } from 'commander';
import { registerCheck } from './check.js';
import { registerConfig } from './config.js';
import { registerEvaluator } from './evaluator.js';
import { registerEvaluators } from './evaluators.js';
import { registerReceipts } from './receipts.js';
import { registerSandbox } from './sandbox.js';
import { registerSkill } from './skill.js';
import { registerWallet } from './wallet.js';

/** Commands register themselves here; each keeps heavy imports inside its action (fast --help). */
export function registerCommands(program: Command): void {
  registerSkill(program);
  registerWallet(program);
  registerCheck(program);
  registerReceipts(program);
  registerEvaluators(program);
  registerEvaluator(program);
  registerSandbox(program);
  registerConfig(program);
}
