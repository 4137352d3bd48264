/** Where a sandbox keeps its files: `<dataDir>/sandbox/` (dataDir: BOTCOIN_DATA_DIR or the OS data dir). */
import { join } from 'node:path';
import { dataDir as defaultDataDir } from '../../config/paths.js';

export interface SandboxPaths {
  dir: string;
  /** The description file (0600: it holds the test keys). */
  description: string;
  /** Output of a `sandbox up --detach` process. */
  log: string;
  /** anvil's pid, so `sandbox down` can still stop the chain if the sandbox process had to be killed. */
  anvilPid: string;
  /** Default answer-key dir of the coordinator. */
  answerKeys: string;
}

export function sandboxPaths(dataDir: string = defaultDataDir()): SandboxPaths {
  const dir = join(dataDir, 'sandbox');
  return {
    dir,
    description: join(dir, 'sandbox.json'),
    log: join(dir, 'sandbox.log'),
    anvilPid: join(dir, 'anvil.pid'),
    answerKeys: join(dir, 'answer-keys'),
  };
}
