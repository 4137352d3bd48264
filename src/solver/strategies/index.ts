/** The solving strategies by name. */
import { MinerError } from '../../errors.js';
import type { SolveStrategy, StrategyName } from '../strategy.js';
import { agentStrategy } from './agent.js';
import { hybridStrategy } from './hybrid/hybrid.js';
import { llmStrategy } from './llm.js';

export const STRATEGY_NAMES: readonly StrategyName[] = ['hybrid', 'llm', 'agent'];

export function createStrategy(name: string = 'hybrid'): SolveStrategy {
  switch (name) {
    case 'hybrid':
      return hybridStrategy;
    case 'llm':
      return llmStrategy;
    case 'agent':
      return agentStrategy;
    default:
      throw new MinerError('BAD_USAGE', `Unknown solving strategy "${name}".`, { hint: `Use one of: ${STRATEGY_NAMES.join(', ')}.` });
  }
}

export { agentStrategy, buildAgentTask, acceptAgentSolution, type AgentTask } from './agent.js';
export { hybridStrategy, solveHybrid } from './hybrid/hybrid.js';
export { llmStrategy, solveLlm } from './llm.js';
