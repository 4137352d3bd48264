import type { ErrorCode } from '../../errors.js';
import type { RetryPolicy } from './backoff.js';
import type { QueryValue } from './url.js';

/** A response the client hands back: parsed JSON when the body is JSON, otherwise the text. */
export interface HttpResponse {
  status: number;
  /** Lower-case header names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: unknown;
  method: string;
  /** The request URL without query string or user-info, safe for messages. */
  url: string;
  /** How many attempts it took (1 = no retry). */
  attempts: number;
}

export interface RequestOptions {
  query?: Readonly<Record<string, QueryValue>>;
  /** Sent as JSON. */
  body?: unknown;
  headers?: Readonly<Record<string, string>>;
  signal?: AbortSignal;
  /** Sent as `Idempotency-Key`; the same key is reused on every retry of this request. */
  idempotencyKey?: string;
  /** Per-request override of the policy's attempt bound (1 = never retry). */
  maxAttempts?: number;
  /** Per-request override of the client's per-attempt timeout. */
  timeoutMs?: number;
}

export interface RetryEvent {
  method: string;
  url: string;
  /** The attempt that just failed (1-based). */
  attempt: number;
  delayMs: number;
  status?: number;
  reason: string;
}

/** Who is on the other end, so give-up errors carry the right code and advice. */
export interface ServiceLabel {
  name: string;
  unavailableCode: ErrorCode;
  unavailableHint: string;
  rateLimitedHint: string;
  /** Advice when an attempt timed out and is not retried; defaults to `unavailableHint`. */
  timeoutHint?: string;
}

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface HttpClientOptions {
  baseUrl: string;
  userAgent?: string;
  /** Per-attempt timeout (connect + headers + body), default 30 s. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  onRetry?: (event: RetryEvent) => void;
  /** Injectable so tests need not wait; must reject when `signal` aborts. */
  sleep?: Sleep;
  /** Jitter source, injectable for tests. */
  random?: () => number;
  /** Sent with every request (e.g. a provider's auth header); credential values are redacted from errors. */
  headers?: Readonly<Record<string, string>>;
  service?: ServiceLabel;
  /**
   * Whether a timed-out attempt is retried (default true, protocol §6). Model providers turn it
   * off: the provider may have done, and billed, the work we stopped waiting for.
   */
  retryTimeouts?: boolean;
  /**
   * Whether a response should be retried; default: 429 and 5xx. Callers narrow it when some of
   * those statuses are final (a 429 that means "out of quota" will not get better by waiting).
   */
  shouldRetry?: (response: HttpResponse) => boolean;
}

export interface HttpClient {
  readonly baseUrl: string;
  get(path: string, options?: RequestOptions): Promise<HttpResponse>;
  post(path: string, options?: RequestOptions): Promise<HttpResponse>;
  request(method: string, path: string, options?: RequestOptions): Promise<HttpResponse>;
  /** Closes the keep-alive connections. */
  close(): Promise<void>;
}
