/**
 * Test-only crash points: with `BOTCOIN_CRASH_AT=<point>` in the environment the process kills
 * itself with SIGKILL at that point — no cleanup, no flushing, exactly like a power cut or an
 * OOM kill — so the crash-recovery tests are deterministic. Unset, they cost one env lookup.
 *
 * - `after-signed`: the receipt transaction is signed and its `signed` record is on disk
 *   (appendDurable returned), nothing is broadcast yet.
 * - `after-pass`: the coordinator's pass (with its receipt) is recorded as feedback, nothing is
 *   guarded or signed yet.
 */
export type CrashPointName = 'after-signed' | 'after-pass';

export const CRASH_ENV = 'BOTCOIN_CRASH_AT';

export function crashPoint(name: CrashPointName): void {
  if (process.env[CRASH_ENV] === name) process.kill(process.pid, 'SIGKILL');
}
