/**
 * The answer-key replay — a stand-in for the paid model API, for tests and offline demos in the
 * sandbox (`--model answer-key`). It replays the answer key; it is not a model.
 */
export { startAnswerKeyModel, REPLAY_MODEL, REPLAY_LABEL, type AnswerKeyModel, type AnswerKeyModelOptions, type ReplayCall } from './server.js';
export { answerKeyLookupFromDir, type AnswerKeyLookup, type ReplayEntry } from './lookup.js';
export { FAULT_KINDS, FaultScheduler, type FaultKind, type FaultPlan, type FaultRule, type FaultSchedule } from './faults.js';
