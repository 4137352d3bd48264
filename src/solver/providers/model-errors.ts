import { MinerError } from '../../errors.js';
import { describeErrorBody, redactSecrets, type HttpResponse } from '../../protocol/http/index.js';

/** Wording providers use when the account, not the request, is the problem. */
const BILLING_WORDING = /insufficient[_ ]quota|exceeded your current quota|billing|credit balance|insufficient[_ ]credits/i;

/**
 * A billing or quota refusal: 402, or a 400/403/429 whose body talks about quota, billing or
 * credit. Waiting does not fix these, so they are never retried.
 */
export function isBillingError(response: HttpResponse): boolean {
  if (response.status === 402) return true;
  if (![400, 403, 429].includes(response.status)) return false;
  const text = typeof response.body === 'string' ? response.body : JSON.stringify(response.body ?? '');
  return BILLING_WORDING.test(text);
}

const KEY_HINT =
  'Set BOTCOIN_MODEL_API_KEY to a valid key for this provider (and check BOTCOIN_PROVIDER / BOTCOIN_MODEL_BASE_URL point at the server the key belongs to).';

/**
 * The error for a final (non-retried) error response from a model API. The provider's own
 * message is kept — it usually names the bad parameter — with any echo of the key removed.
 */
export function modelResponseError(response: HttpResponse, secrets: readonly string[]): MinerError {
  const said = describeErrorBody(response.body);
  const details = redactSecrets(`${response.method} ${response.url} → ${response.status}${said ? ` (${said})` : ''}`, secrets);
  const status = response.status;
  if (status === 401) {
    return new MinerError('MODEL_REFUSED', 'The model provider rejected the API key (401).', { hint: KEY_HINT, details });
  }
  if (isBillingError(response)) {
    return new MinerError('MODEL_REFUSED', `The model provider refused the request for billing or quota reasons (${status}).`, {
      hint: 'Add credit or raise the spending limit in the provider account, or switch model/provider (BOTCOIN_MODEL, BOTCOIN_PROVIDER).',
      details,
    });
  }
  if (status === 403) {
    return new MinerError('MODEL_REFUSED', 'The model provider refused access (403).', { hint: KEY_HINT, details });
  }
  if (status === 404) {
    return new MinerError('MODEL_REFUSED', `The model provider answered 404 at ${response.url}.`, {
      hint: 'Check BOTCOIN_MODEL_BASE_URL (OpenAI-compatible servers usually end in /v1) and the model name (BOTCOIN_MODEL).',
      details,
    });
  }
  const reason = said ? `: ${redactSecrets(said, secrets)}` : '.';
  return new MinerError('MODEL_REFUSED', `The model provider rejected the request (${status})${reason}`, {
    hint: 'Check the model name and settings (max tokens, temperature, reasoning budget) against what this model accepts.',
    details,
  });
}

/** A 2xx body that is not the wire format we expect (wrong endpoint, proxy page, truncated JSON). */
export function malformedResponseError(response: HttpResponse, problem: string, secrets: readonly string[]): MinerError {
  const preview = typeof response.body === 'string' ? ` Body starts: ${JSON.stringify(response.body.slice(0, 120))}` : '';
  return new MinerError('MODEL_UNAVAILABLE', `The model provider at ${response.url} returned a malformed response: ${problem}.`, {
    hint: 'Check that BOTCOIN_MODEL_BASE_URL points at the API itself (an OpenAI-compatible /v1 endpoint, or the Anthropic API).',
    details: redactSecrets(`${response.method} ${response.url} → ${response.status}.${preview}`, secrets),
  });
}
