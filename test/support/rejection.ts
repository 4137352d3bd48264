import { expect } from 'vitest';
import { MinerError } from '../../src/errors.js';

/** Awaits a promise that must reject with a MinerError, and returns the error for inspection. */
export async function rejection(promise: Promise<unknown>): Promise<MinerError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MinerError);
  return error as MinerError;
}
