/** Request parameter parsing: each refusal is a 400 naming the parameter and its expected form. */
import { getAddress, isAddress, type Address } from 'viem';
import { badRequest } from './http-error.js';

const MAX_UINT64 = (1n << 64n) - 1n;
/** Production's claim functions take at most 64 epochs. */
const MAX_EPOCHS = 64;

export function requireAddress(value: unknown, name: string): Address {
  if (typeof value !== 'string' || !isAddress(value, { strict: false })) {
    throw badRequest('invalid_address', `"${name}" must be a 0x-prefixed 20-byte address.`);
  }
  return getAddress(value);
}

export function requireNonce(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 64) {
    throw badRequest('invalid_nonce', '"nonce" must be a string of 1 to 64 characters, fresh for each new challenge.');
  }
  return value;
}

export function requireUint(value: unknown, name: string, max: bigint = (1n << 256n) - 1n): bigint {
  const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
  if (typeof text !== 'string' || !/^\d{1,78}$/.test(text) || BigInt(text) > max) {
    throw badRequest('invalid_integer', `"${name}" must be a non-negative decimal integer string.`);
  }
  return BigInt(text);
}

export function requireEpochList(value: unknown): bigint[] {
  const parts = typeof value === 'string' ? value.split(',').map((p) => p.trim()).filter(Boolean) : [];
  if (parts.length === 0 || parts.length > MAX_EPOCHS) {
    throw badRequest('invalid_epochs', `"epochs" must list 1 to ${MAX_EPOCHS} epoch ids separated by commas, e.g. epochs=3,4.`);
  }
  return parts.map((p) => requireUint(p, 'epochs', MAX_UINT64));
}

export function requireString(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.length === 0) throw badRequest('missing_field', `"${name}" is required (a non-empty string).`);
  return value;
}

/** The JSON object body, or a 400. */
export async function jsonBody(read: () => Promise<unknown>): Promise<Record<string, unknown>> {
  const body = await read().catch(() => undefined);
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw badRequest('invalid_json', 'The request body must be a JSON object (Content-Type: application/json).');
  }
  return body as Record<string, unknown>;
}
