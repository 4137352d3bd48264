export { discoverEvaluators, parseEvaluatorCard, cardUrl, type DiscoveryResult, type DiscoveryProblem, type DiscoverOptions } from './discover.js';
export { selectEvaluators, priceUsdOf, type RankedEvaluator, type SelectionOptions } from './select.js';
export { requestEvaluation, type EvaluationResult, type RequestEvaluationOptions, type SettlementReceipt } from './request.js';
export { openBudget, reserve, spending, usdToMicro, microToUsd, type Budget, type BudgetLimits, type Reservation } from './budget.js';
export { openReputation, loadReputation, recordOutcome, reputationTable, marketDir, type ReputationStore, type ReputationRow, type MarketStateOptions } from './reputation-store.js';
export { posterior, applyOutcome, type Outcome, type Posterior, type ReputationSnapshot, type ReputationStats } from './reputation-score.js';
export { pinToCard, termDifferences } from './payment-policy.js';
export { recordEvaluation, recordEvaluationOutcome } from './record.js';
