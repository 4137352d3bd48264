/**
 * One paid evaluation, student side. Order matters, and every refusal happens before anything
 * is signed:
 *   1. the budget reserves the card's price (CAP_REACHED, exit 7, when a limit would be passed);
 *   2. `@x402/fetch` posts the request; on the 402 the pinned policy keeps only terms equal to
 *      the card's (GUARD_REFUSED otherwise), then the EIP-3009 authorization is signed and sent;
 *   3. the feedback is schema-checked, bound to this request and this payment, and its
 *      signature verified against the card's signer; the `PAYMENT-RESPONSE` settlement is decoded.
 * The reservation is released only when the payment provably was not charged.
 */
import { decodePaymentResponseHeader } from '@x402/core/http';
import type { PaymentPayload, SettleResponse } from '@x402/core/types';
import { toClientEvmSigner } from '@x402/evm';
import { ExactEvmScheme } from '@x402/evm/exact/client';
import { wrapFetchWithPayment, x402Client } from '@x402/fetch';
import { isAddressEqual, type Hex, type LocalAccount } from 'viem';
import { fieldProblems } from '../../challenge/zod-issues.js';
import { MinerError } from '../../errors.js';
import type { EvaluatorCard } from '../protocol/card.js';
import { feedbackResponseSchema, outputDigest, type FeedbackRequest, type FeedbackResponse } from '../protocol/feedback.js';
import { verifyFeedbackSignature } from '../protocol/signature.js';
import { reserve, tokenToMicro, type Budget } from './budget.js';
import { pinToCard } from './payment-policy.js';

export interface SettlementReceipt {
  success: boolean;
  /** The settlement transaction hash. */
  transaction: Hex;
  network: string;
  payer: string;
  /** Atomic token units. */
  amount: string;
}

export interface EvaluationResult {
  card: EvaluatorCard;
  feedback: FeedbackResponse;
  receipt: SettlementReceipt;
}

export interface RequestEvaluationOptions {
  /** The student's paying account (signs the EIP-3009 authorization only). */
  account: LocalAccount;
  budget: Budget;
  /** Extra limits on top of the card pinning. */
  policy?: { allowedNetworks?: readonly string[] };
  fetch?: typeof globalThis.fetch;
  /** Whole round-trip timeout (default 60 s). */
  timeoutMs?: number;
}

function evaluatorError(card: EvaluatorCard, message: string, details?: string): MinerError {
  return new MinerError('NETWORK', `Evaluator ${card.card.name} (${card.url}): ${message}`, {
    ...(details ? { details } : {}),
    hint: 'You were not charged; try again later or choose another evaluator.',
  });
}

export async function requestEvaluation(card: EvaluatorCard, request: FeedbackRequest, options: RequestEvaluationOptions): Promise<EvaluationResult> {
  if (outputDigest(request.output) !== request.outputSha256) {
    throw new MinerError('INVALID_INPUT', 'The feedback request\'s outputSha256 does not match its output.', { hint: 'Build requests with buildFeedbackRequest().' });
  }
  const allowed = options.policy?.allowedNetworks;
  if (allowed && !allowed.includes(card.terms.network)) {
    throw new MinerError('GUARD_REFUSED', `Refused to pay ${card.card.name} on ${card.terms.network}.`, {
      hint: `Allowed networks: ${allowed.join(', ')}. Nothing was signed.`,
    });
  }
  const reservation = await reserve(options.budget, request.challengeId, tokenToMicro(BigInt(card.terms.amount), card.terms.decimals));
  try {
    return await payAndCheck(card, request, options);
  } catch (error) {
    if ((error as { charged?: boolean }).charged !== true) await reservation.release();
    throw error;
  }
}

/** Marks an error thrown after the payment settled (or may have): the reservation stays counted. */
function charged(error: MinerError): MinerError {
  return Object.assign(error, { charged: true });
}

async function payAndCheck(card: EvaluatorCard, request: FeedbackRequest, options: RequestEvaluationOptions): Promise<EvaluationResult> {
  const pinned = pinToCard(card);
  let signed: PaymentPayload | undefined;
  const client = x402Client
    .fromConfig({
      schemes: [{ network: card.terms.network as `${string}:${string}`, client: new ExactEvmScheme(toClientEvmSigner(options.account)) }],
      // The pinned policy is stricter than spend controls (exact amount, asset, payee).
      spendControls: false,
      policies: [pinned.policy],
    })
    .onAfterPaymentCreation(async (context) => {
      signed = context.paymentPayload;
    });
  const pay = wrapFetchWithPayment(options.fetch ?? globalThis.fetch, client);
  let response: Response;
  try {
    response = await pay(card.terms.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(request),
      signal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
    });
  } catch (error) {
    const refusal = pinned.refusal();
    if (refusal) throw refusal;
    if (!signed) {
      const message = (error as Error).message;
      if (/payment/i.test(message)) {
        throw new MinerError('GUARD_REFUSED', `Refused to pay ${card.card.name}: its 402 offers no terms this student can pay.`, {
          details: message,
          hint: 'Nothing was signed. Check that the card and the evaluator agree on network and asset.',
          cause: error,
        });
      }
      throw evaluatorError(card, 'unreachable', message);
    }
    // The authorization left this process: it may have settled. Keep it counted.
    throw charged(
      new MinerError('NETWORK', `Evaluator ${card.card.name}: the connection failed after the payment was sent.`, {
        details: `authorization nonce ${authNonceOf(signed)}: ${(error as Error).message}`,
        hint: 'Check the USDC transfers of your wallet; the authorization expires unused if it was not settled.',
        cause: error,
      }),
    );
  }
  return readPaidResponse(card, request, response, signed);
}

function authNonceOf(payload: PaymentPayload | undefined): string | undefined {
  return (payload?.payload as { authorization?: { nonce?: string } } | undefined)?.authorization?.nonce;
}

function settlementOf(response: Response): SettleResponse | undefined {
  const header = response.headers.get('payment-response');
  if (!header) return undefined;
  try {
    return decodePaymentResponseHeader(header);
  } catch {
    return undefined;
  }
}

async function bodyMessage(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  try {
    const body = JSON.parse(text) as { error?: string; message?: string; reason?: string };
    return [body.error, body.reason, body.message].filter(Boolean).join(': ') || text.slice(0, 200);
  } catch {
    return text.slice(0, 200);
  }
}

async function readPaidResponse(card: EvaluatorCard, request: FeedbackRequest, response: Response, signed: PaymentPayload | undefined): Promise<EvaluationResult> {
  const settlement = settlementOf(response);
  if (response.status !== 200) {
    const what = response.status === 402 && signed ? 'did not settle the payment' : `answered HTTP ${response.status}`;
    throw evaluatorError(card, what, await bodyMessage(response));
  }
  if (!signed || !settlement?.success) {
    throw evaluatorError(card, 'answered without a settled payment', 'no successful PAYMENT-RESPONSE header');
  }
  const receipt: SettlementReceipt = {
    success: true,
    transaction: settlement.transaction as Hex,
    network: settlement.network,
    payer: settlement.payer ?? '',
    amount: settlement.amount ?? card.terms.amount,
  };
  const paidFor = (message: string, details: string): MinerError =>
    charged(
      new MinerError('INVALID_PAYLOAD', `Evaluator ${card.card.name} was paid (tx ${receipt.transaction}) but ${message}.`, {
        details,
        hint: 'Keep the ledger record as evidence and stop using this evaluator.',
      }),
    );
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw paidFor('its answer is not JSON', 'unparsable body');
  }
  const parsed = feedbackResponseSchema.safeParse(body);
  if (!parsed.success) {
    throw paidFor('its feedback is malformed', fieldProblems(parsed.error, body).map((p) => `${p.path} ${p.message}`).join('; '));
  }
  const feedback = parsed.data;
  const mismatches = [
    feedback.challengeId !== request.challengeId && 'challengeId',
    feedback.attempt !== request.attempt && 'attempt',
    feedback.outputSha256 !== request.outputSha256 && 'outputSha256',
    feedback.payment.authNonce.toLowerCase() !== authNonceOf(signed)?.toLowerCase() && 'payment.authNonce',
    feedback.payment.amount !== card.terms.amount && 'payment.amount',
    !isAddressEqual(feedback.evaluator.address as Hex, card.terms.signer) && 'evaluator.address',
  ].filter((m): m is string => typeof m === 'string');
  if (mismatches.length > 0) throw paidFor('its feedback is not about this request', `mismatched: ${mismatches.join(', ')}`);
  if (!(await verifyFeedbackSignature(feedback, card.terms.signer))) {
    throw paidFor('its feedback signature does not verify', `expected signer ${card.terms.signer}`);
  }
  return { card, feedback, receipt };
}
