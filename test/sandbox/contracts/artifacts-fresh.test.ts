import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sandboxArtifacts, sandboxContractNames } from '../../../src/sandbox/contracts/index.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const committed = join(root, 'src/sandbox/contracts/artifacts');

describe('committed contract artifacts', () => {
  it('equal a fresh compile of the Solidity sources, byte for byte (run `npm run contracts` if not)', async () => {
    const out = await mkdtemp(join(tmpdir(), 'artifacts-'));
    try {
      await promisify(execFile)(process.execPath, [join(root, 'scripts/compile-contracts.mjs'), '--out', out], { cwd: root });
      const fresh = (await readdir(out)).sort();
      expect(fresh).toEqual((await readdir(committed)).sort());
      for (const file of fresh) {
        const [now, then] = await Promise.all([readFile(join(out, file), 'utf8'), readFile(join(committed, file), 'utf8')]);
        expect(now, `${file} is stale`).toBe(then);
      }
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  }, 120_000);

  it('are compiled for cancun with the optimizer, and every deployable contract has bytecode', () => {
    for (const name of sandboxContractNames) {
      const artifact = sandboxArtifacts[name];
      expect(artifact.contractName).toBe(name);
      expect(artifact.compiler.settings).toMatchObject({ evmVersion: 'cancun', optimizer: { enabled: true } });
      expect(artifact.compiler.version).toMatch(/^0\.8\.37\+/);
      expect(artifact.bytecode.length).toBeGreaterThan(2);
    }
  });
});
