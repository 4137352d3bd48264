import { MinerError, type ErrorCode } from '../../errors.js';
import type { HttpResponse } from './types.js';

/** The error fields a coordinator (or any JSON API) puts in an error body. */
export interface ErrorFields {
  error?: string;
  message?: string;
  code?: string;
}

/**
 * Reads `{error, message, code}` from an error body. Accepts both the flat shape
 * (`{error: "rate_limited", message}`) and the nested one (`{error: {code, message, type}}`).
 */
export function readErrorFields(body: unknown): ErrorFields {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return {};
  const record = body as Record<string, unknown>;
  const nested = typeof record.error === 'object' && record.error !== null ? (record.error as Record<string, unknown>) : undefined;
  const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
  const fields: ErrorFields = {};
  const error = text(record.error) ?? text(nested?.type);
  const message = text(record.message) ?? text(nested?.message);
  const code = text(record.code) ?? text(nested?.code);
  if (error !== undefined) fields.error = error;
  if (message !== undefined) fields.message = message;
  if (code !== undefined) fields.code = code;
  return fields;
}

/** One line describing what the server said, for error messages: "RIG_ZERO_CREDITS: no credits left". */
export function describeErrorBody(body: unknown): string | undefined {
  const fields = readErrorFields(body);
  const label = fields.code ?? fields.error;
  const message = fields.message ?? (fields.code !== undefined ? fields.error : undefined);
  if (label !== undefined && message !== undefined && label !== message) return `${label}: ${message}`;
  if (label !== undefined || message !== undefined) return label ?? message;
  if (typeof body === 'string' && body.trim() !== '') return body.trim().slice(0, 200);
  return undefined;
}

export interface ResponseErrorOptions {
  /** Overrides the code picked from the status. */
  code?: ErrorCode;
  /** What we were doing, e.g. "Requesting a challenge". Defaults to "METHOD url". */
  action?: string;
  hint?: string;
}

const defaultCodes: Record<number, ErrorCode> = {
  400: 'COORDINATOR_REFUSED',
  401: 'AUTH_REFUSED',
  403: 'COORDINATOR_REFUSED',
  429: 'RATE_LIMITED',
};

const defaultHints: Record<number, string> = {
  401: 'Authenticate again (the token may have expired), then repeat the request.',
  403: 'Check that this wallet is allowed to do this (stake, rig operator, lane), then try again.',
  404: 'The resource no longer exists (a stale challenge or attempt); request fresh work.',
  409: 'The request conflicts with the server state (e.g. a manifest mismatch); request a new challenge.',
  429: 'Wait a few minutes before trying again.',
};

/**
 * Turns a non-success response the caller chose not to handle into a MinerError naming the
 * request (without query secrets), the status, and the server's own `error`/`message`/`code`.
 */
export function responseError(response: HttpResponse, options: ResponseErrorOptions = {}): MinerError {
  const code = options.code ?? defaultCodes[response.status] ?? (response.status >= 500 ? 'COORDINATOR_UNAVAILABLE' : 'COORDINATOR_REFUSED');
  const action = options.action ?? `${response.method} ${response.url}`;
  const said = describeErrorBody(response.body);
  const shortMessage = `${action} failed with status ${response.status}${said ? `: ${said}` : '.'}`;
  const hint = options.hint ?? defaultHints[response.status] ?? (response.status >= 500 ? 'The server had a problem; try again later.' : undefined);
  return new MinerError(code, shortMessage, {
    details: `${response.method} ${response.url} → ${response.status}`,
    ...(hint ? { hint } : {}),
  });
}
