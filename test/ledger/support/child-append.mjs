// Run by two-processes.test.ts in a plain node child: `node child-append.mjs <ledger module> <data dir> <wallet> <tag> <count> <bytes>`.
const [modulePath, dir, wallet, tag, count, bytes] = process.argv.slice(2);
const { openLedger } = await import(modulePath);
const ledger = openLedger({ dir, wallet });
for (let i = 0; i < Number(count); i++) {
  await ledger.append({ kind: 'error', where: tag, code: 'TEST', message: `${i} ${'y'.repeat(Number(bytes))}` });
}
