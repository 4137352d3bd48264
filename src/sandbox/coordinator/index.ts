// The sandbox's reference coordinator (spec/sandbox.md §3): `startCoordinator(config)` serves it
// on 127.0.0.1; `createCoordinatorApp(deps)` is the Hono app itself.
export { startCoordinator, type CoordinatorHandle } from './start.js';
export { createCoordinatorApp, servedEndpoints, type CoordinatorApp } from './app.js';
export type { CoordinatorConfig, CoordinatorContracts, FaultConfig, FaultAction, HostileMode, RateLimitRule } from './config.js';
export type { CoordinatorDeps, CoordinatorState } from './deps.js';
export { HOSTILE_ADDRESS } from './hostile.js';
export { answerKeyFacts, keyCheckInputs } from './key-facts.js';
