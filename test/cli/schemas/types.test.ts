// The output schemas describe what the code produces: every value of the engine's own types is
// accepted by the published schema (checked by tsc: `npm run typecheck`), so neither can drift
// from the other unnoticed.
import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { DoctorReport } from '../../../src/doctor/types.js';
import type { LedgerSummary } from '../../../src/ledger/summary.js';
import type { MineSummary, MinerEvent, RecoveryReport } from '../../../src/miner/index.js';
import type { SkillInfo } from '../../../src/protocol/skill/types.js';
import type { AgentTask } from '../../../src/solver/strategies/agent.js';
import type { CheckReport } from '../../../src/verify/types.js';
import type { StatusResult } from '../../../src/cli/commands/status.js';
import type { ClaimResult } from '../../../src/cli/commands/claim.js';
import type { SubmitDocument } from '../../../src/miner/submit-result.js';
import type { doctorSchema, skillSchema } from '../../../src/cli/schemas/discovery.js';
import type { ledgerSummarySchema, statusSchema } from '../../../src/cli/schemas/rewards.js';
import type { mineSummarySchema, minerEventSchema } from '../../../src/cli/schemas/mine.js';
import type { recoveryReportSchema } from '../../../src/cli/schemas/receipts.js';
import type { agentTaskSchema, checkReportSchema, submitSchema } from '../../../src/cli/schemas/solving.js';

type Wire<S extends z.ZodType> = z.input<S>;

describe('output schemas accept the engine types', () => {
  it('check, solve task, submit', () => {
    expectTypeOf<CheckReport>().toExtend<Wire<typeof checkReportSchema>>();
    // The task's payload is declared as a plain record; its fields are checked on real output.
    expectTypeOf<Omit<AgentTask, 'payload'>>().toExtend<Omit<Wire<typeof agentTaskSchema>, 'payload'>>();
    expectTypeOf<SubmitDocument>().toExtend<Omit<Wire<typeof submitSchema>, 'feedback'> & { feedback?: Record<string, unknown> }>();
  });

  it('mine summary, events, recovery', () => {
    expectTypeOf<MineSummary>().toExtend<Wire<typeof mineSummarySchema>>();
    expectTypeOf<MinerEvent>().toExtend<Wire<typeof minerEventSchema>>();
    expectTypeOf<RecoveryReport>().toExtend<Wire<typeof recoveryReportSchema>>();
  });

  it('status, ledger summary, doctor, skill', () => {
    expectTypeOf<LedgerSummary>().toExtend<Wire<typeof ledgerSummarySchema>>();
    expectTypeOf<StatusResult>().toExtend<Wire<typeof statusSchema>>();
    expectTypeOf<DoctorReport>().toExtend<Wire<typeof doctorSchema>>();
    expectTypeOf<SkillInfo & { url: string }>().toExtend<Wire<typeof skillSchema>>();
  });

  it('claim', () => {
    expectTypeOf<ClaimResult['claims']>().toExtend<Wire<typeof import('../../../src/cli/schemas/rewards.js').claimSchema>['claims']>();
  });
});
