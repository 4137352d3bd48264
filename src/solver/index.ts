/** Solving: strategies (hybrid, llm, agent), the shared trace builder, artifact composition and model providers. */
export { createStrategy, STRATEGY_NAMES, hybridStrategy, llmStrategy, agentStrategy, solveHybrid, solveLlm, buildAgentTask, acceptAgentSolution, type AgentTask } from './strategies/index.js';
export type { SolveRequest, SolveDeps, SolveOutcome, SolveStrategy, StrategyName, AttemptRecord, AttemptFeedback, ModelCallRecord } from './strategy.js';
export { DEFAULT_MAX_REPAIRS } from './strategy.js';
export { SCHEMA_IDS, type SchemaId } from './schemas.js';
export { TraceBuilder, type StepRef, type TermInput } from './trace-builder.js';
export { composeArtifact, type ArtifactSpec } from './artifact.js';
export { extractJsonObject } from './json-output.js';
export { checkProblems } from './check-summary.js';
