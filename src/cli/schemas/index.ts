/**
 * The published `--json` output schemas: one entry per document, named for the command that
 * prints it. `npm run schemas` writes each as `schemas/<name>.schema.json` (JSON Schema
 * 2020-12, from zod); a test keeps the committed files fresh and checks every command's real
 * output against them. The MCP tools return the same documents.
 */
import { z } from 'zod';
import { errorDocumentSchema } from './common.js';
import { configGetSchema, configListSchema, configSetSchema, configUnsetSchema, walletSchema } from './config.js';
import { doctorSchema, skillSchema } from './discovery.js';
import { evaluatorServeSchema, evaluatorsListSchema, evaluatorsReputationSchema } from './market.js';
import { mineJsonlLineSchema, mineSummarySchema } from './mine.js';
import { receiptsListSchema, recoveryReportSchema } from './receipts.js';
import { claimSchema, creditsSchema, epochSchema, rigStatusSchema, stakingSchema, statusSchema } from './rewards.js';
import { sandboxDomainsSchema, sandboxDownSchema, sandboxGenerateSchema, sandboxStatusSchema, sandboxUpSchema } from './sandbox.js';
import { challengeSchema, checkReportSchema, solveSchema, submitSchema } from './solving.js';

export interface OutputDocument {
  /** The commands whose `--json` output this is (`mine --jsonl`: each line). */
  commands: string[];
  schema: z.ZodType;
}

export const outputDocuments = {
  error: { commands: ['every command, on failure'], schema: errorDocumentSchema },
  'config-list': { commands: ['config list'], schema: configListSchema },
  'config-get': { commands: ['config get'], schema: configGetSchema },
  'config-set': { commands: ['config set'], schema: configSetSchema },
  'config-unset': { commands: ['config unset'], schema: configUnsetSchema },
  wallet: { commands: ['wallet new', 'wallet import', 'wallet address'], schema: walletSchema },
  skill: { commands: ['skill'], schema: skillSchema },
  doctor: { commands: ['doctor'], schema: doctorSchema },
  challenge: { commands: ['challenge'], schema: challengeSchema },
  solve: { commands: ['solve'], schema: solveSchema },
  check: { commands: ['check'], schema: checkReportSchema },
  submit: { commands: ['submit'], schema: submitSchema },
  mine: { commands: ['mine'], schema: mineSummarySchema },
  'mine-jsonl': { commands: ['mine --jsonl (each line)'], schema: mineJsonlLineSchema },
  'receipts-list': { commands: ['receipts list'], schema: receiptsListSchema },
  'receipts-retry': { commands: ['receipts retry'], schema: recoveryReportSchema },
  status: { commands: ['status'], schema: statusSchema },
  epoch: { commands: ['epoch'], schema: epochSchema },
  credits: { commands: ['credits'], schema: creditsSchema },
  claim: { commands: ['claim'], schema: claimSchema },
  staking: { commands: ['stake', 'unstake', 'withdraw'], schema: stakingSchema },
  'rig-status': { commands: ['rig status'], schema: rigStatusSchema },
  'evaluators-list': { commands: ['evaluators list'], schema: evaluatorsListSchema },
  'evaluators-reputation': { commands: ['evaluators reputation'], schema: evaluatorsReputationSchema },
  'evaluator-serve': { commands: ['evaluator serve'], schema: evaluatorServeSchema },
  'sandbox-up': { commands: ['sandbox up'], schema: sandboxUpSchema },
  'sandbox-status': { commands: ['sandbox status'], schema: sandboxStatusSchema },
  'sandbox-down': { commands: ['sandbox down'], schema: sandboxDownSchema },
  'sandbox-domains': { commands: ['sandbox domains'], schema: sandboxDomainsSchema },
  'sandbox-generate': { commands: ['sandbox generate'], schema: sandboxGenerateSchema },
} as const satisfies Record<string, OutputDocument>;

export type OutputDocumentName = keyof typeof outputDocuments;

/** The JSON Schema of one document, as published (the wire form: what a consumer parses). */
export function jsonSchemaOf(name: OutputDocumentName): Record<string, unknown> {
  const { commands, schema } = outputDocuments[name];
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const { $schema, ...rest } = json;
  return {
    $schema,
    ...rest,
    title: `botcoin-miner ${name}`,
    description: `The --json output of: ${commands.join(', ')}.${typeof rest.description === 'string' ? ` ${rest.description}` : ''}`,
  };
}

/** Every published file: `<name>.schema.json` → its pretty-printed content. */
export function schemaFiles(): Record<string, string> {
  return Object.fromEntries(
    (Object.keys(outputDocuments) as OutputDocumentName[]).map((name) => [`${name}.schema.json`, `${JSON.stringify(jsonSchemaOf(name), null, 2)}\n`]),
  );
}
