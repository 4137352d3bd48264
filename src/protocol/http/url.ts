/** Building request URLs from a base URL, and showing them without secrets. */

export type QueryValue = string | number | bigint | boolean | undefined;

/**
 * Joins a base URL that may carry a path prefix (`https://api.openai.com/v1`) with a request
 * path, so `new URL(path, base)`'s habit of dropping the prefix never bites.
 */
export function buildUrl(baseUrl: string, path: string, query: Readonly<Record<string, QueryValue>> = {}): URL {
  const isAbsolute = /^https?:\/\//i.test(path);
  const url = new URL(isAbsolute ? path : `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`);
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  return url;
}

/**
 * The URL as errors and logs show it: no query string (it may carry operator addresses,
 * nonces or keys) and no user-info.
 */
export function displayUrl(url: URL | string): string {
  const parsed = typeof url === 'string' ? new URL(url) : url;
  return `${parsed.origin}${parsed.pathname}`;
}
