/** Building failing checks from errors, so every failure carries the hint and exit class of its error. */
import { ExitCode, isMinerError } from '../errors.js';
import type { DoctorCheck } from './types.js';

export function pass(id: string, summary: string, extra: Pick<DoctorCheck, 'details' | 'skipped'> = {}): DoctorCheck {
  return { id, ok: true, summary, ...extra };
}

export function fail(id: string, summary: string, exitCode: ExitCode, hint: string, details?: string): DoctorCheck {
  return { id, ok: false, summary, hint, exitCode, ...(details ? { details } : {}) };
}

/** A failed check from a thrown error: a MinerError keeps its message, hint and exit code. */
export function failFrom(id: string, error: unknown, fallbackHint: string): DoctorCheck {
  if (isMinerError(error)) {
    return fail(id, error.shortMessage, classOf(error.exitCode), error.hint ?? fallbackHint, error.details);
  }
  const message = error instanceof Error ? error.message.split('\n')[0] ?? String(error) : String(error);
  return fail(id, message, ExitCode.unavailable, fallbackHint);
}

/** A check that could not run because one it depends on failed. */
export function notChecked(id: string, because: string): DoctorCheck {
  return { id, ok: false, skipped: true, summary: `not checked: ${because}`, exitCode: ExitCode.unavailable };
}

/** Doctor reports only the three classes a setup problem can have. */
function classOf(code: ExitCode): ExitCode {
  return code === ExitCode.unavailable || code === ExitCode.refused || code === ExitCode.badInput ? code : ExitCode.refused;
}
