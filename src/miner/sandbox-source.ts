/**
 * `--sandbox`: the running sandbox's description (`sandbox up`), or — when none is running — a
 * sandbox started in this process for the duration of the command, so the README's single
 * `mine --sandbox` works on a fresh machine. A started sandbox writes no description file: it
 * dies with this process, and a concurrent `sandbox up` must not mistake it for its own.
 */
import type { AddressBook } from '../chain/addresses/built-in.js';
import type { SandboxDescription } from '../sandbox/network/description.js';

export interface SandboxSource {
  description: SandboxDescription;
  /** True when this process started the sandbox (then `stop` ends it). */
  started: boolean;
  stop(): Promise<void>;
}

export async function resolveSandbox(dataDir: string | undefined, notice: (message: string) => void): Promise<SandboxSource> {
  const { readSandboxDescription } = await import('../sandbox/network/description.js');
  const { isHealthy, probeSandbox } = await import('../sandbox/network/liveness.js');
  const running = await readSandboxDescription(dataDir).catch(() => undefined);
  if (running && isHealthy(await probeSandbox(running))) {
    return { description: running, started: false, stop: async () => {} };
  }
  notice('No sandbox is running: starting one in this process for this command (it stops when the command ends; `botcoin-miner sandbox up` keeps one running).');
  const { startSandbox } = await import('../sandbox/network/start.js');
  const handle = await startSandbox({ ...(dataDir === undefined ? {} : { dataDir }), writeDescription: false });
  return { description: handle.description, started: true, stop: () => handle.stop() };
}

/** The running sandbox only (commands that would gain nothing from starting one, e.g. `solve`). */
export async function runningSandbox(dataDir: string | undefined): Promise<SandboxSource> {
  const { readSandboxDescription } = await import('../sandbox/network/description.js');
  return { description: await readSandboxDescription(dataDir), started: false, stop: async () => {} };
}

/** The sandbox's contracts under the names the guard's role table knows. */
export function sandboxAddressBook(description: SandboxDescription): AddressBook {
  const { botcoin, mining, rigMining, rigNft } = description.contracts;
  return {
    chainId: description.chain.chainId,
    name: 'sandbox',
    contracts: [
      { name: 'BOTCOIN', address: botcoin },
      { name: 'BotcoinMining', address: mining },
      { name: 'BotcoinMiningRigs', address: rigMining },
      { name: 'MiningRigNFT', address: rigNft },
    ],
  };
}
