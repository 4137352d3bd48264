/**
 * The evaluator's A2A v1.0 agent card. Typed against `@a2a-js/sdk`'s `AgentCard` so a drift
 * from the A2A schema fails the build; the payment terms live in the a2a-x402 extension's
 * `params`, never in custom top-level fields.
 */
import type { AgentCard } from '@a2a-js/sdk';
import type { Address } from 'viem';
import { VERSION } from '../../version.js';
import { A2A_PROTOCOL_VERSION, X402_EXTENSION_URI, type EvaluatorKind, type PaymentTerms } from '../protocol/card.js';
import { FEEDBACK_VERSION } from '../protocol/feedback.js';
import type { AssetTerms, Caip2 } from '../protocol/networks.js';
import { skills } from './kinds.js';

export interface CardInput {
  kind: EvaluatorKind;
  name: string;
  /** Base URL the evaluator is reachable at (no trailing slash). */
  baseUrl: string;
  network: Caip2;
  asset: AssetTerms;
  price: string;
  amount: bigint;
  payTo: Address;
  signer: Address;
  /** Challenge domains (and domain tags) the skill is offered for. */
  domains: readonly string[];
}

export const EVALUATE_PATH = '/evaluate';

export function paymentTerms(input: CardInput): PaymentTerms {
  return {
    scheme: 'exact',
    network: input.network,
    asset: input.asset.address,
    assetName: input.asset.name,
    assetVersion: input.asset.version,
    decimals: input.asset.decimals,
    price: input.price,
    amount: input.amount.toString(),
    payTo: input.payTo,
    endpoint: `${input.baseUrl}${EVALUATE_PATH}`,
    feedbackVersion: FEEDBACK_VERSION,
    kind: input.kind,
    signer: input.signer,
  };
}

export function buildAgentCard(input: CardInput): AgentCard {
  const skill = skills[input.kind];
  const terms = paymentTerms(input);
  return {
    name: input.name,
    description: `${skill.description} Paid per evaluation: ${input.price} USD in USDC (x402 exact, ${input.network}).`,
    supportedInterfaces: [{ url: input.baseUrl, protocolBinding: 'HTTP+JSON', tenant: '', protocolVersion: A2A_PROTOCOL_VERSION }],
    provider: undefined,
    version: VERSION,
    capabilities: {
      streaming: false,
      pushNotifications: false,
      extensions: [
        {
          uri: X402_EXTENSION_URI,
          description: `x402 payment required per evaluation: POST ${terms.endpoint} (feedback schema ${FEEDBACK_VERSION}).`,
          required: true,
          params: terms,
        },
      ],
    },
    securitySchemes: {},
    securityRequirements: [],
    defaultInputModes: ['application/json'],
    defaultOutputModes: ['application/json'],
    skills: [
      {
        id: input.kind,
        name: skill.name,
        description: skill.description,
        tags: [...skill.tags, ...input.domains],
        examples: [],
        inputModes: ['application/json'],
        outputModes: ['application/json'],
        securityRequirements: [],
      },
    ],
    signatures: [],
  };
}
