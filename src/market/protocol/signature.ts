/**
 * Feedback signatures: EIP-191 (`personal_sign`) over the canonical JSON of the response
 * without its `signature` field (keys sorted recursively, no whitespace).
 *
 * Why EIP-191 rather than EIP-712: the feedback is a nested, versioned document (rubric arrays,
 * optional fields) that would need a typed schema per version; any wallet and any language can
 * verify a personal_sign over a canonical string, and the student keeps the exact bytes in its
 * ledger as proof of what it paid for. The digest binds the evaluator (its address), the
 * challenge, the attempt, the output hash and the payment's authorization nonce.
 */
import { verifyMessage, type Address, type Hex, type LocalAccount } from 'viem';
import { canonicalJson } from '../../util/canonical-json.js';
import type { FeedbackResponse, UnsignedFeedback } from './feedback.js';

/** The exact text that is signed. */
export function feedbackSigningText(feedback: UnsignedFeedback | FeedbackResponse): string {
  const { signature: _signature, ...unsigned } = feedback as FeedbackResponse;
  return canonicalJson(unsigned);
}

export async function signFeedback(signer: LocalAccount, feedback: UnsignedFeedback): Promise<FeedbackResponse> {
  const signature = await signer.signMessage({ message: feedbackSigningText(feedback) });
  return { ...feedback, signature };
}

/** True when `feedback.signature` is `expected`'s EIP-191 signature over the canonical text. */
export async function verifyFeedbackSignature(feedback: FeedbackResponse, expected: Address): Promise<boolean> {
  try {
    return await verifyMessage({ address: expected, message: feedbackSigningText(feedback), signature: feedback.signature as Hex });
  } catch {
    return false;
  }
}
