// Run by two-processes.test.ts: takes the wallet's miner lock, says "locked", then holds it until killed.
const [modulePath, dir, wallet] = process.argv.slice(2);
const { openLedger } = await import(modulePath);
await openLedger({ dir, wallet }).acquireMinerLock();
process.stdout.write('locked\n');
setInterval(() => {}, 1000);
