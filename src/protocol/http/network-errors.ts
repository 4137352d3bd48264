/**
 * Telling transient transport failures (worth a retry, protocol §6) from permanent ones (a
 * mistyped host, a bad certificate) that no amount of waiting fixes.
 */

/** Socket/DNS/timeout codes (Node and undici) that mean "try again shortly". */
const TRANSIENT_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
  'EHOSTDOWN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
]);

/** The first `code` along the cause chain (undici nests the socket error). */
export function networkErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export function isTimeoutError(error: unknown): boolean {
  const name = (error as { name?: unknown } | undefined)?.name;
  const code = networkErrorCode(error);
  return (
    name === 'TimeoutError' ||
    code === 'UND_ERR_CONNECT_TIMEOUT' ||
    code === 'UND_ERR_HEADERS_TIMEOUT' ||
    code === 'UND_ERR_BODY_TIMEOUT' ||
    code === 'ETIMEDOUT'
  );
}

export function isTransientNetworkError(error: unknown): boolean {
  if (isTimeoutError(error)) return true;
  const code = networkErrorCode(error);
  return code !== undefined && TRANSIENT_CODES.has(code);
}

/** A short, secret-free description for error messages: "connection refused (ECONNREFUSED)". */
export function describeNetworkError(error: unknown, timeoutMs: number): string {
  if (isTimeoutError(error)) return `no response within ${Math.round(timeoutMs / 1000)} s (timeout)`;
  const code = networkErrorCode(error);
  const known: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ECONNRESET: 'connection reset by the server',
    UND_ERR_SOCKET: 'the server closed the connection',
    UND_ERR_CLOSED: 'the connection was closed',
    ENOTFOUND: 'host name not found',
    EAI_AGAIN: 'temporary DNS failure',
    EPIPE: 'connection closed while sending',
  };
  const text = (code && known[code]) ?? (error instanceof Error ? error.message : String(error));
  return code ? `${text} (${code})` : text;
}
