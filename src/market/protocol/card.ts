/**
 * Evaluator agent cards: A2A v1.0 cards served at `/.well-known/agent-card.json`, with the
 * payment terms in `capabilities.extensions[]` under the a2a-x402 extension URI (custom
 * top-level fields would be dropped by A2A SDKs). The schema checks the A2A required fields and
 * our terms; unknown fields pass through (other agents may add their own).
 */
import { getAddress } from 'viem';
import { z } from 'zod';

export const X402_EXTENSION_URI = 'https://github.com/google-agentic-commerce/a2a-x402/blob/main/spec/v0.2';
export const CARD_PATH = '/.well-known/agent-card.json';
export const A2A_PROTOCOL_VERSION = '1.0';

/** Checksummed on parse, so comparisons and display are uniform. */
const address = z
  .string()
  .regex(/^0x[0-9a-fA-F]{40}$/, 'expected a 0x address')
  .transform((value) => getAddress(value));

export const evaluatorKinds = ['constraint-auditor', 'citation-auditor', 'arithmetic-auditor', 'critic'] as const;
export type EvaluatorKind = (typeof evaluatorKinds)[number];

/** What the extension's `params` carry: everything a student needs to pay and to verify. */
export const paymentTermsSchema = z.object({
  scheme: z.literal('exact'),
  /** CAIP-2, e.g. `eip155:8453` (Base) or `eip155:31337` (sandbox). */
  network: z.string().regex(/^eip155:\d+$/, 'expected a CAIP-2 eip155 network id'),
  asset: address,
  /** EIP-712 domain of the asset, as in the x402 terms' `extra`. */
  assetName: z.string().min(1),
  assetVersion: z.string().min(1),
  decimals: z.number().int().min(0).max(36),
  /** Price in USD, decimal string ("0.001"). */
  price: z.string().regex(/^\d+(\.\d+)?$/),
  /** The same price in atomic token units: the exact amount a 402 may ask for. */
  amount: z.string().regex(/^[1-9]\d*$/),
  payTo: address,
  /** Absolute URL of the paid evaluation endpoint. */
  endpoint: z.url(),
  feedbackVersion: z.string().min(1),
  kind: z.enum(evaluatorKinds),
  /** The key that signs feedback. */
  signer: address,
});
export type PaymentTerms = z.output<typeof paymentTermsSchema>;

const skillSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  description: z.string(),
  tags: z.array(z.string()),
});

export const evaluatorCardSchema = z.looseObject({
  name: z.string().min(1),
  description: z.string(),
  supportedInterfaces: z
    .array(z.looseObject({ url: z.string().min(1), protocolBinding: z.string().min(1), protocolVersion: z.string().min(1) }))
    .min(1),
  version: z.string().min(1),
  capabilities: z.looseObject({
    extensions: z.array(z.looseObject({ uri: z.string(), params: z.unknown().optional() })),
  }),
  defaultInputModes: z.array(z.string()).min(1),
  defaultOutputModes: z.array(z.string()).min(1),
  skills: z.array(skillSchema).min(1),
});
export type EvaluatorCardShape = z.infer<typeof evaluatorCardSchema>;

/** A validated card with its terms pulled out of the x402 extension. */
export interface EvaluatorCard {
  /** Where the card was fetched from. */
  url: string;
  card: EvaluatorCardShape;
  terms: PaymentTerms;
  /** Stable identity for reputation: `<kind>@<signer address, lower case>`. */
  id: string;
  /** Every skill tag, lower case. */
  tags: string[];
}

export function evaluatorIdOf(terms: Pick<PaymentTerms, 'kind' | 'signer'>): string {
  return `${terms.kind}@${terms.signer.toLowerCase()}`;
}
