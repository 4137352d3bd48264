/**
 * The JSON shapes the strategies ask models for, with the schema ids the prompts declare in
 * their `Response-Schema:` line. Parsing is lenient where models vary harmlessly (numbers as
 * strings, extra fields) and strict where the solver depends on a field.
 */
import { z } from 'zod';

export const SCHEMA_IDS = {
  hybrid: 'botcoin.hybrid.v1',
  hybridRefetch: 'botcoin.hybrid.refetch.v1',
  llm: 'botcoin.llm.v1',
  llmRepair: 'botcoin.llm.repair.v1',
} as const;
export type SchemaId = (typeof SCHEMA_IDS)[keyof typeof SCHEMA_IDS];

const value = z.union([z.number(), z.string()]);
const citation = z.string();

export const relativeSchema = z.object({
  entity: z.string(),
  value,
  citation,
  delta: z.union([z.number(), z.string().transform((s) => Number(s.replace(/[,\s$]/g, '')))]),
  deltaCitation: citation,
});

export const factAnswerSchema = z.object({
  id: z.string(),
  entity: z.string(),
  value,
  citations: z.array(citation).default([]),
  status: z.string().optional(),
  relativeTo: relativeSchema.optional().nullable(),
});

export const supportFactSchema = factAnswerSchema.omit({ id: true }).extend({
  question: z.string(),
  attribute: z.string(),
});

export const hybridResponseSchema = z.object({
  answers: z.record(z.string(), z.union([z.string(), z.number().transform(String)])),
  facts: z.array(factAnswerSchema).default([]),
  support: z.array(supportFactSchema).default([]),
});

export const refetchResponseSchema = z.object({
  facts: z.array(factAnswerSchema),
});

const stepSchema = z.looseObject({ step_id: z.unknown(), action: z.string() });

export const llmResponseSchema = z.object({
  artifact: z.string(),
  reasoningTrace: z.array(stepSchema),
  submittedAnswers: z.record(z.string(), z.union([z.string(), z.number().transform(String)])),
});

export type RelativeFact = z.infer<typeof relativeSchema>;
export type FactAnswer = z.infer<typeof factAnswerSchema>;
export type SupportFact = z.infer<typeof supportFactSchema>;
export type HybridResponse = z.infer<typeof hybridResponseSchema>;
export type RefetchResponse = z.infer<typeof refetchResponseSchema>;
export type LlmResponse = z.infer<typeof llmResponseSchema>;
