/** Reads the payment facts the feedback reports out of a (verified) `PAYMENT-SIGNATURE` header. */
import { decodePaymentSignatureHeader } from '@x402/core/http';
import { getAddress } from 'viem';
import type { PaymentFacts } from '../protocol/feedback.js';

interface Eip3009Authorization {
  from: string;
  to: string;
  value: string;
  validAfter: string;
  validBefore: string;
  nonce: string;
}

export interface DecodedPayment {
  facts: PaymentFacts;
  /** `<payer lower case>:<nonce>`: what the replay guard claims. */
  key: string;
  validBefore: number;
}

/** Undefined when the header is missing or is not an EIP-3009 `exact` payment. */
export function decodePayment(header: string | undefined): DecodedPayment | undefined {
  if (!header) return undefined;
  try {
    const payload = decodePaymentSignatureHeader(header);
    const auth = (payload.payload as { authorization?: Eip3009Authorization }).authorization;
    if (!auth || typeof auth.nonce !== 'string' || typeof auth.from !== 'string') return undefined;
    const facts: PaymentFacts = {
      network: payload.accepted.network,
      asset: getAddress(payload.accepted.asset),
      amount: String(auth.value),
      payer: getAddress(auth.from),
      authNonce: auth.nonce,
    };
    return { facts, key: `${auth.from.toLowerCase()}:${auth.nonce.toLowerCase()}`, validBefore: Number(auth.validBefore) };
  } catch {
    return undefined;
  }
}
