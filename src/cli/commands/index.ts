import type { Command } from 'commander';
import { registerCheck } from './check.js';
import { registerConfig } from './config.js';
import { registerSandbox } from './sandbox.js';

/** Commands register themselves here; each keeps heavy imports inside its action (fast --help). */
export function registerCommands(program: Command): void {
  registerCheck(program);
  registerSandbox(program);
  registerConfig(program);
}
