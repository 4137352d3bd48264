/**
 * Serialises async tasks per key (here: per ledger folder), in call order. Rigs run concurrently
 * in one process; their appends must not race on the "does the file end mid-line?" check, and
 * records should land in the order they were appended.
 */
const tails = new Map<string, Promise<void>>();

export function runSerially<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  const run = previous.then(task);
  // The chain continues whether this task failed or not; its error goes to its own caller.
  const tail = run.then(
    () => undefined,
    () => undefined,
  );
  tails.set(key, tail);
  void tail.then(() => {
    if (tails.get(key) === tail) tails.delete(key);
  });
  return run;
}
