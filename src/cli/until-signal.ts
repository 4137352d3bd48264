/**
 * Resolves on the first SIGINT or SIGTERM, for commands that serve until stopped (`sandbox up`,
 * `evaluator serve`, `mcp`). The listeners stay for the rest of the process on purpose: conf's
 * `when-exit` re-sends every SIGINT/SIGTERM to this process, and with no listener of ours left
 * that second signal would kill us mid-cleanup. Later signals are absorbed; cleanup is bounded.
 */
export function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    process.on('SIGINT', resolve);
    process.on('SIGTERM', resolve);
  });
}
