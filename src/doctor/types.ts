import type { ExitCode } from '../errors.js';

/** One doctor check: what was found, and — when it fails — what to do about it. */
export interface DoctorCheck {
  id: string;
  ok: boolean;
  summary: string;
  hint?: string;
  details?: string;
  /** Not run (nothing configured to check, or a check it depends on failed). */
  skipped?: boolean;
  /** For a failing check: the exit code of its class (2 config, 3 unavailable, 4 refused). */
  exitCode?: ExitCode;
}

export interface DoctorReport {
  ok: boolean;
  /** 0 when every check passes, else the exit code of the first failing check. */
  exitCode: ExitCode;
  checks: DoctorCheck[];
}
