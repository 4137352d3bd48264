/**
 * Challenge payloads (30–60 KB each) live beside the ledger in content-addressed files,
 * `payloads/<sha256>.json`, and the `challenge` record holds `{sha256, path, bytes}`. Keeping
 * them out of the JSONL keeps `status` (which scans the ledger) fast, and a re-fetched identical
 * challenge (the rig lane returns byte-identical work for the same nonce) is stored once.
 * The digest is over the compact JSON text, so it identifies the content however it is stored.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { stat } from 'node:fs/promises';
import { readJsonFile, writeJsonFile } from '../io/json-file.js';
import { MinerError } from '../errors.js';
import type { PayloadRef } from './records.js';

export const PAYLOAD_DIR = 'payloads';

function digest(payload: unknown): { sha256: string; bytes: number } {
  const text = JSON.stringify(payload);
  if (text === undefined) throw new TypeError('storePayload: the payload is not JSON-serialisable');
  return { sha256: createHash('sha256').update(text).digest('hex'), bytes: Buffer.byteLength(text) };
}

/** Writes the payload (atomically, synced) unless an identical one is already stored. */
export async function storePayload(ledgerDir: string, payload: unknown): Promise<PayloadRef> {
  const { sha256, bytes } = digest(payload);
  const path = join(PAYLOAD_DIR, `${sha256}.json`);
  const exists = await stat(join(ledgerDir, path)).then(
    () => true,
    () => false,
  );
  if (!exists) await writeJsonFile(join(ledgerDir, path), payload, 0o600);
  return { sha256, path, bytes };
}

/** Reads a stored payload back and checks it is the content the record names. */
export async function loadPayload(ledgerDir: string, ref: PayloadRef): Promise<unknown> {
  const payload = await readJsonFile(join(ledgerDir, ref.path), 'stored challenge payload');
  if (digest(payload).sha256 !== ref.sha256) {
    throw new MinerError('INVALID_INPUT', `The stored challenge payload ${ref.path} does not match its recorded sha256.`, {
      hint: 'The file was changed or damaged after it was written; this challenge cannot be replayed from the ledger.',
    });
  }
  return payload;
}
