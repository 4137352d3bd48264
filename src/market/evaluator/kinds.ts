/** The evaluator kinds this project ships: how each evaluates and how its skill is described. */
import { readFileSync } from 'node:fs';
import { MinerError } from '../../errors.js';
import type { ModelProvider } from '../../solver/providers/types.js';
import type { EvaluatorKind } from '../protocol/card.js';
import { auditConstraints } from './auditors/constraint-auditor.js';
import { createCritic } from './auditors/critic.js';
import { auditArithmetic, auditCitations } from './auditors/trace-auditors.js';
import type { Evaluate } from './types.js';

export interface SkillInfo {
  name: string;
  description: string;
  tags: string[];
}

export const skills = JSON.parse(readFileSync(new URL('./skills.json', import.meta.url), 'utf8')) as Record<EvaluatorKind, SkillInfo>;

export function evaluatorFor(kind: EvaluatorKind, provider?: ModelProvider): Evaluate {
  switch (kind) {
    case 'constraint-auditor':
      return auditConstraints;
    case 'citation-auditor':
      return auditCitations;
    case 'arithmetic-auditor':
      return auditArithmetic;
    case 'critic':
      if (!provider) {
        throw new MinerError('CONFIG', 'The critic evaluator needs a model.', {
          hint: 'Configure a model (BOTCOIN_PROVIDER, BOTCOIN_MODEL, BOTCOIN_MODEL_API_KEY) before serving --kind critic.',
        });
      }
      return createCritic(provider);
  }
}
