/**
 * Keeping credentials out of error text. Servers sometimes echo what we sent (OpenAI repeats
 * part of a wrong key, proxies echo headers), so every text an error carries is scrubbed of
 * the secret header values the client sent.
 */

const SECRET_HEADER = /authorization|api-key|apikey|token|secret|cookie|password/i;

/** The values of credential-bearing headers, with and without a `Bearer ` prefix. */
export function secretHeaderValues(headers: Readonly<Record<string, string>>): string[] {
  const secrets: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (!SECRET_HEADER.test(name) || value.trim() === '') continue;
    secrets.push(value);
    const bare = value.replace(/^\s*(bearer|basic|token)\s+/i, '');
    if (bare !== value && bare.length > 0) secrets.push(bare);
  }
  // Longest first, so a bare token inside "Bearer <token>" is not left half-replaced.
  return secrets.sort((a, b) => b.length - a.length);
}

/** Replaces every secret (and any run of 8+ of its leading characters) with `[redacted]`. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    result = result.split(secret).join('[redacted]');
    // Providers echo a key's prefix ("sk-proj-abc1****wxyz"); hide any 8+ character prefix too.
    if (secret.length >= 12 && !/\s/.test(secret)) result = result.split(secret.slice(0, 8)).join('[redacted]');
  }
  return result;
}
