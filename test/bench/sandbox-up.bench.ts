// npx vitest bench --run test/bench/sandbox-up.bench.ts
// Ready time of the whole sandbox network (target < 5 s): anvil, deploy, miner stake, rigs,
// USDC, coordinator listening — what `sandbox up` waits for — then stop().
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import { startSandbox } from '../../src/sandbox/network/index.js';

const dataDir = mkdtempSync(join(tmpdir(), 'botcoin-sandbox-bench-'));

describe('sandbox network lifecycle', () => {
  bench('startSandbox until the description is written, then stop()', async () => {
    const sandbox = await startSandbox({ dataDir });
    await sandbox.stop();
  }, { iterations: 10, time: 0, warmupIterations: 1 });

  bench('startSandbox (Base-like 2 s blocks after setup), then stop()', async () => {
    const sandbox = await startSandbox({ dataDir, blockTime: 2 });
    await sandbox.stop();
  }, { iterations: 5, time: 0, warmupIterations: 1 });
});
