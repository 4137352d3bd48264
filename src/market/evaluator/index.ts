export { createEvaluatorApp, type EvaluatorAppOptions, type EvaluatorEvent } from './app.js';
export { serveEvaluator, type ServeOptions, type ServedEvaluator } from './serve.js';
export { buildAgentCard, paymentTerms, EVALUATE_PATH, type CardInput } from './card.js';
export { evaluatorFor, skills } from './kinds.js';
export type { Assessment, Evaluate, EvaluationInput } from './types.js';
