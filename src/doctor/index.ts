// `doctor`: read-only checks of everything mining needs, each with a fix hint.
export { runDoctor, type DoctorInputs } from './run.js';
export { renderDoctor } from './render.js';
export { checkCoordinatorHealth, checkSkill } from './coordinator.js';
export { checkRpc, rpcClient, BASE_CHAIN_ID } from './rpc.js';
export { checkWallet, checkGas, DEFAULT_MIN_GAS_WEI, type WalletRef } from './wallet.js';
export { checkWalletEligibility, checkRigAuthorization } from './eligibility.js';
export { checkModel, type ModelCheckInput } from './model.js';
export type { DoctorCheck, DoctorReport } from './types.js';
