import { request, type Dispatcher } from 'undici';

export interface OneRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: string | undefined;
  signal: AbortSignal;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** One HTTP exchange over undici: no retries, the whole body read and parsed. */
export async function sendOnce(dispatcher: Dispatcher, input: OneRequest): Promise<RawResponse> {
  const response = await request(input.url, {
    method: input.method as Dispatcher.HttpMethod,
    headers: input.headers,
    body: input.body,
    signal: input.signal,
    dispatcher,
  });
  const headers = flattenHeaders(response.headers);
  const text = await response.body.text();
  return { status: response.statusCode, headers, body: parseBody(text, headers['content-type']) };
}

/**
 * JSON when the server says so or the text plainly is JSON (some proxies label JSON as text);
 * otherwise the text itself, so callers can show an HTML error page's first line.
 */
export function parseBody(text: string, contentType: string | undefined): unknown {
  const trimmed = text.trim();
  const looksJson = trimmed.startsWith('{') || trimmed.startsWith('[');
  if ((contentType?.includes('json') ?? false) || looksJson) {
    try {
      return JSON.parse(trimmed);
    } catch {
      return text;
    }
  }
  return text;
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}
