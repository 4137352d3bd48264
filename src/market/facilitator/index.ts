export { createInProcessFacilitator, type InProcessFacilitator, type InProcessFacilitatorOptions } from './in-process.js';
export { createRemoteFacilitator } from './remote.js';
