import { join } from 'node:path';
import { dataDir as defaultDataDir } from '../config/paths.js';
import type { SandboxDescription } from '../sandbox/network/description.js';

/**
 * The data dir whose `ledger/<wallet>/` holds this network's records. A sandbox is a fresh chain
 * each time it starts, with the same dev keys and the same contract addresses, so its receipts
 * would collide with an earlier sandbox's (`rig:1:0:0` again) in one shared ledger. Each sandbox
 * deployment (chain id + genesis time; a `--state` restart keeps both) gets its own ledger home.
 */
export function ledgerHome(dataDir: string | undefined, sandbox?: Pick<SandboxDescription, 'chain' | 'epoch'>): string | undefined {
  if (!sandbox) return dataDir;
  return join(dataDir ?? defaultDataDir(), 'sandbox', 'ledgers', `${sandbox.chain.chainId}-${sandbox.epoch.genesisTimestamp}`);
}
