/** The paid-feedback market (spec/market.md): evaluator servers, facilitators, and the student side. */
export * from './evaluator/index.js';
export * from './facilitator/index.js';
export * from './student/index.js';
export * from './protocol/card.js';
export * from './protocol/feedback.js';
export * from './protocol/networks.js';
export * from './protocol/signature.js';
