/** The local checker: the same deterministic rules production applies (protocol §§7.3, 8). */
export { checkSolution, answerIsCorrect, type CheckOptions } from './check.js';
export { parseConstraint } from './constraints/parse.js';
export { evaluateConstraint } from './constraints/evaluate.js';
export { viewArtifact, initials, type ArtifactView } from './constraints/artifact.js';
export { solutionFacts } from './facts.js';
export { validateTrace, type TraceOptions } from './trace.js';
export { isPrime, nextPrime, modTerm, roundTo, operations, resultMatches, type Operation, type OperationValue } from './math.js';
export type * from './types.js';
