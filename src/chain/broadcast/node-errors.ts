import { BaseError, HttpRequestError, NonceTooLowError, TimeoutError, WebSocketRequestError } from 'viem';

/** The node never answered (connection, HTTP or timeout failure): whether it got the request is unknown. */
export function isNetworkError(error: unknown): boolean {
  if (!(error instanceof BaseError)) return false;
  return Boolean(error.walk((e) => e instanceof HttpRequestError || e instanceof TimeoutError || e instanceof WebSocketRequestError));
}

/** The node already has this exact transaction in its pool (geth "already known", anvil "already imported"). */
export function isAlreadyKnown(error: unknown): boolean {
  return /already known|already imported|known transaction|transaction already exists/i.test(allMessages(error));
}

/** The sender's nonce is past this transaction's: it, or another one with its nonce, was mined. */
export function isNonceTooLow(error: unknown): boolean {
  if (error instanceof BaseError && error.walk((e) => e instanceof NonceTooLowError)) return true;
  return /nonce too low|nonce has already been used|NonceTooLow/i.test(allMessages(error));
}

/** The node's own words, one line, for `details`. */
export function nodeMessage(error: unknown): string {
  if (error instanceof BaseError) return (error.walk() as Error).message.split('\n')[0] ?? error.shortMessage;
  return error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error);
}

function allMessages(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  while (current instanceof Error) {
    parts.push(current.message, (current as { details?: string }).details ?? '');
    current = current.cause;
  }
  return parts.join('\n');
}
