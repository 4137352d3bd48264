/**
 * The evaluator server as a Hono app (a value: tests call `app.fetch`, `serveEvaluator` serves
 * it). Reading the routes top to bottom shows everything that runs:
 *
 *   GET  /healthz                      free
 *   GET  /.well-known/agent-card.json  free: the A2A card with the x402 terms
 *   POST /evaluate                     replay guard → x402 payment middleware → evaluation
 *
 * Payment flow (x402 `exact`, EIP-3009, flow `authorization`): the middleware verifies the
 * authorization with the facilitator *before* the work and settles it *after* a 2xx answer
 * only; a 4xx/5xx answer (bad request, failed evaluation) is never settled, so it costs the
 * student nothing. A settlement that fails is logged and answered with a 402 whose
 * `PAYMENT-RESPONSE` says `success: false` and whose body names the reason; the server keeps
 * serving.
 */
import { randomUUID } from 'node:crypto';
import type { FacilitatorClient } from '@x402/core/server';
import { ExactEvmScheme } from '@x402/evm/exact/server';
import { paymentMiddleware, x402ResourceServer } from '@x402/hono';
import { Hono, type Context } from 'hono';
import type { Address, LocalAccount } from 'viem';
import { parseChallenge } from '../../challenge/parse.js';
import { parseSolution } from '../../challenge/solution.js';
import { isMinerError } from '../../errors.js';
import { listDomains } from '../../sandbox/generator/index.js';
import type { ModelProvider } from '../../solver/providers/types.js';
import { CARD_PATH, type EvaluatorKind } from '../protocol/card.js';
import { FEEDBACK_VERSION, feedbackRequestSchema, outputDigest } from '../protocol/feedback.js';
import { priceToAtomic, type AssetTerms, type Caip2 } from '../protocol/networks.js';
import { signFeedback } from '../protocol/signature.js';
import { buildAgentCard, EVALUATE_PATH, type CardInput } from './card.js';
import { evaluatorFor, skills } from './kinds.js';
import { decodePayment } from './payment-header.js';
import { ReplayGuard } from './replay-guard.js';
import type { EvaluationInput } from './types.js';

export interface EvaluatorAppOptions {
  kind: EvaluatorKind;
  /** USD per evaluation, decimal string ("0.001"). */
  price: string;
  network: Caip2;
  /** Who receives the payments (default: the signer's address). */
  payTo?: Address;
  asset: AssetTerms;
  facilitator: FacilitatorClient;
  /** The evaluator's key: signs every feedback; its address is on the card. */
  signer: LocalAccount;
  /** The critic's model. */
  provider?: ModelProvider;
  name?: string;
  /** The URL the card advertises (default: the origin the card was requested on). */
  publicUrl?: string;
  /** Domains the skill is offered for (default: every sandbox generator domain and its tags). */
  domains?: readonly string[];
  /** How long a payment authorization stays valid (default 300 s). */
  maxTimeoutSeconds?: number;
  /** Where settlement outcomes and failures are reported (default: stderr for failures). */
  onEvent?: (event: EvaluatorEvent) => void;
}

export type EvaluatorEvent =
  | { type: 'settled'; transaction: string; payer?: string; network: string }
  | { type: 'settlement_failed'; reason: string; message?: string; payer?: string }
  | { type: 'evaluation_failed'; status: number; message: string };

function defaultDomains(): string[] {
  return [...new Set(listDomains().flatMap((d) => [d.name, ...d.tags]))];
}

function logEvent(event: EvaluatorEvent): void {
  if (event.type !== 'settled') process.stderr.write(`evaluator: ${JSON.stringify(event)}\n`);
}

export function createEvaluatorApp(options: EvaluatorAppOptions): Hono {
  const evaluate = evaluatorFor(options.kind, options.provider);
  const amount = priceToAtomic(options.price, options.asset.decimals);
  const payTo = options.payTo ?? options.signer.address;
  const name = options.name ?? `botcoin ${skills[options.kind].name.toLowerCase()}`;
  const domains = options.domains ?? defaultDomains();
  const report = options.onEvent ?? logEvent;
  const guard = new ReplayGuard();

  const cardInput = (baseUrl: string): CardInput => ({
    kind: options.kind,
    name,
    baseUrl: (options.publicUrl ?? baseUrl).replace(/\/+$/, ''),
    network: options.network,
    asset: options.asset,
    price: options.price,
    amount,
    payTo,
    signer: options.signer.address,
    domains,
  });

  const resourceServer = new x402ResourceServer(options.facilitator).register(options.network, new ExactEvmScheme());
  resourceServer.onAfterSettle(async ({ result }) => {
    if (result.success) report({ type: 'settled', transaction: result.transaction, network: result.network, ...(result.payer ? { payer: result.payer } : {}) });
  });

  const app = new Hono();
  app.get('/healthz', (c) => c.json({ ok: true, kind: options.kind, name }));
  app.get(CARD_PATH, (c) => c.json(buildAgentCard(cardInput(new URL(c.req.url).origin))));

  // Claims the authorization before anything else sees it; frees it if nothing was settled.
  app.use(EVALUATE_PATH, async (c, next) => {
    const payment = decodePayment(c.req.header('payment-signature'));
    if (!payment) return next();
    if (!guard.claim(payment.key, payment.validBefore)) {
      return c.json({ error: 'payment_replayed', message: 'This payment authorization was already used here; sign a new one.' }, 409);
    }
    await next();
    if (c.res.status !== 200 || !c.res.headers.has('payment-response')) guard.release(payment.key);
  });

  app.use(
    paymentMiddleware(
      {
        [`POST ${EVALUATE_PATH}`]: {
          accepts: {
            scheme: 'exact',
            network: options.network,
            payTo,
            price: { amount: amount.toString(), asset: options.asset.address, extra: { name: options.asset.name, version: options.asset.version } },
            maxTimeoutSeconds: options.maxTimeoutSeconds ?? 300,
          },
          description: `${skills[options.kind].name}: feedback on one BOTCOIN attempt (${FEEDBACK_VERSION})`,
          mimeType: 'application/json',
          unpaidResponseBody: async () => ({ contentType: 'application/json', body: { error: 'payment_required', card: CARD_PATH } }),
          settlementFailedResponseBody: async (_ctx, failure) => {
            report({ type: 'settlement_failed', reason: failure.errorReason, ...(failure.errorMessage ? { message: failure.errorMessage } : {}), ...(failure.payer ? { payer: failure.payer } : {}) });
            return {
              contentType: 'application/json',
              body: { error: 'settlement_failed', reason: failure.errorReason, message: failure.errorMessage ?? failure.errorReason, charged: false },
            };
          },
        },
      },
      resourceServer,
    ),
  );

  app.post(EVALUATE_PATH, async (c) => {
    const started = performance.now();
    const input = await readRequest(c);
    if ('error' in input) return c.json({ error: 'invalid_request', message: input.error }, 400);
    const payment = decodePayment(c.req.header('payment-signature'));
    if (!payment) return c.json({ error: 'invalid_payment', message: 'The payment is not an EIP-3009 authorization.' }, 400);
    let assessment;
    try {
      assessment = await evaluate({ ...input, signal: c.req.raw.signal });
    } catch (error) {
      const upstream = isMinerError(error) && (error.code === 'MODEL_UNAVAILABLE' || error.code === 'MODEL_REFUSED');
      const status = upstream ? 502 : 500;
      const message = isMinerError(error) ? error.shortMessage : 'The evaluation failed.';
      report({ type: 'evaluation_failed', status, message: isMinerError(error) ? error.message : String(error) });
      return c.json({ error: 'evaluation_failed', message, charged: false }, status);
    }
    const feedback = await signFeedback(options.signer, {
      version: FEEDBACK_VERSION,
      evaluationId: randomUUID(),
      evaluator: { name, address: options.signer.address },
      challengeId: input.request.challengeId,
      attempt: input.request.attempt,
      outputSha256: input.request.outputSha256,
      critique: assessment.critique,
      reward: assessment.reward,
      confidence: assessment.confidence,
      rubric: assessment.rubric,
      verdict: assessment.verdict,
      latencyMs: Math.round(performance.now() - started),
      payment: payment.facts,
    });
    return c.json(feedback, 200);
  });

  return app;
}

type ParsedInput = Omit<EvaluationInput, 'signal'>;

/** The request, its challenge and its solution, or a message saying what is wrong (a 400: not charged). */
async function readRequest(c: Context): Promise<ParsedInput | { error: string }> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    return { error: 'The body is not JSON.' };
  }
  const parsed = feedbackRequestSchema.safeParse(body);
  if (!parsed.success) {
    return { error: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ') };
  }
  const request = parsed.data;
  if (outputDigest(request.output) !== request.outputSha256) {
    return { error: 'outputSha256 is not the SHA-256 of the canonical JSON of output.' };
  }
  try {
    return { request, challenge: parseChallenge(request.task.context), solution: parseSolution(request.output) };
  } catch (error) {
    return { error: isMinerError(error) ? error.message : String(error) };
  }
}
