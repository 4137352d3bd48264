/**
 * The process-wide registry of secret values (private keys, API keys). Whoever loads a secret
 * registers it once; places that persist or print text (the ledger, logs) ask `containsSecret`
 * or `redact` without having to know where secrets came from. The redaction algorithm itself is
 * the HTTP layer's (`redactSecrets`), so both scrub the same way; that module handles the
 * secrets of one request's headers, this one the secrets the whole process holds.
 */
import { redactSecrets } from '../protocol/http/redact.js';

/** Shorter values would match ordinary text by accident. */
const MIN_SECRET_LENGTH = 8;

/**
 * Secrets without a `0x` prefix (so `0xABC…` and `ABC…` both match), keyed by their lower-case
 * form (matching ignores case: hex keys appear lower-, upper- or mixed-case) → the value as given
 * (redaction replaces exact text, and an API key's case is part of it).
 */
const registered = new Map<string, string>();

function bare(value: string): string {
  const trimmed = value.trim();
  return /^0x[0-9a-fA-F]+$/.test(trimmed) ? trimmed.slice(2) : trimmed;
}

/** Registers a secret for the rest of the process. Returns false (and ignores it) if too short. */
export function registerSecret(value: string): boolean {
  const secret = bare(value);
  if (secret.length < MIN_SECRET_LENGTH) return false;
  registered.set(secret.toLowerCase(), secret);
  return true;
}

/** Forgets one secret (a test, or a key that was replaced). */
export function unregisterSecret(value: string): void {
  registered.delete(bare(value).toLowerCase());
}

/** True if `text` contains any registered secret, in any letter case, with or without `0x`. */
export function containsSecret(text: string): boolean {
  if (registered.size === 0) return false;
  const haystack = text.toLowerCase();
  for (const secret of registered.keys()) if (haystack.includes(secret)) return true;
  return false;
}

/** `text` with every registered secret (and 8+ character prefixes of long ones) replaced by `[redacted]`. */
export function redact(text: string): string {
  if (registered.size === 0) return text;
  const variants = new Set<string>();
  for (const [lower, given] of registered) variants.add(given).add(lower).add(lower.toUpperCase());
  return redactSecrets(text, [...variants].sort((a, b) => b.length - a.length));
}
