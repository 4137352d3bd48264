/**
 * A coordinator with authentication switched off answers the auth routes with 503 "auth
 * disabled" (spec/protocol.md §3); clients then omit the bearer header. That 503 is an answer,
 * not an outage, so it must not be retried like one.
 */
import { readErrorFields } from '../http/response-error.js';
import type { HttpResponse } from '../http/types.js';

export function isAuthDisabledResponse(response: Pick<HttpResponse, 'status' | 'body'>): boolean {
  if (response.status !== 503) return false;
  const { error, code, message } = readErrorFields(response.body);
  const text = typeof response.body === 'string' ? response.body : [error, code, message].filter(Boolean).join(' ');
  return /\bauth(entication)?[\s_-]*(is[\s_-]+)?disabled\b/i.test(text);
}
