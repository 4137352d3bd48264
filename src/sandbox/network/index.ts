// The sandbox network as a product (spec/sandbox.md §5): `startSandbox(options)` brings up chain,
// contracts, funded test wallets and coordinator, and writes the description file
// `<dataDir>/sandbox/sandbox.json` that `mine --sandbox`, `sandbox status|down` and tests read.
export { startSandbox, DEFAULT_EPOCH_SECONDS, type SandboxOptions, type SandboxHandle } from './start.js';
export {
  sandboxDescriptionSchema,
  sandboxEvaluatorSchema,
  sandboxDescriptionPath,
  readSandboxDescription,
  type SandboxDescription,
  type SandboxEvaluatorDescription,
} from './description.js';
export { sandboxPaths, type SandboxPaths } from './paths.js';
export { probeSandbox, isHealthy, isProcessAlive, assertNoLiveSandbox, type SandboxLiveness } from './liveness.js';
export { stopSandboxProcess, type StopResult } from './stop-process.js';
export { SANDBOX_ACCOUNT, devKey, type SandboxRole } from './accounts.js';
export { roleClients, sendAndConfirm } from './setup.js';
export type { SandboxEvaluatorStarter, SandboxEvaluatorHandle } from './evaluators.js';
