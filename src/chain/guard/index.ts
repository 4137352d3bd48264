// The transaction guard: every transaction the miner signs passes guardTransaction first.
export { guardTransaction } from './guard.js';
export { classifyRevert, type RevertReason } from './revert.js';
export { SimulationRevertedError } from './refuse.js';
export { describeRevert, revertHint } from './simulate.js';
export { knownAbi } from './known-abis.js';
export { roleOfName, type ContractRole } from './roles.js';
export type { GuardContext, GuardedTransaction, GuardExpectation, Lane, UntrustedTransaction } from './types.js';
