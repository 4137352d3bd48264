/**
 * `--state <file>` makes anvil load the chain from the file at start and save it on stop. The
 * chain alone does not say where the sandbox's contracts are, so a record next to it,
 * `<file>.sandbox.json`, keeps what a restart needs: the contract addresses, the rig ids, the
 * epoch clock and the coordinator's server secret (its epoch commits on chain derive from it; a
 * new secret could not reveal them). The accounts are anvil's dev accounts, the same every time.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { MinerError } from '../../errors.js';
import { writeJsonFile } from '../../io/json-file.js';

const address = z.string().regex(/^0x[0-9a-fA-F]{40}$/);
const recordSchema = z.object({
  version: z.literal(1),
  contracts: z.object({ botcoin: address, mining: address, rigNft: address, rigMining: address, usdc: address }),
  epochSeconds: z.number().int().positive(),
  genesisTimestamp: z.number().int().nonnegative(),
  minerStake: z.string().regex(/^\d+$/),
  rigIds: z.array(z.string().regex(/^\d+$/)),
  serverSecret: z.string().regex(/^0x[0-9a-fA-F]{64}$/),
});
export type SandboxStateRecord = z.infer<typeof recordSchema>;

export function stateRecordPath(stateFile: string): string {
  return `${stateFile}.sandbox.json`;
}

/** The record of a saved sandbox, or undefined when the state file is new (nothing to restore). */
export async function readStateRecord(stateFile: string): Promise<SandboxStateRecord | undefined> {
  const [state, record] = await Promise.all([readOptional(stateFile), readOptional(stateRecordPath(stateFile))]);
  if (state === undefined) return undefined;
  const parsed = record === undefined ? undefined : recordSchema.safeParse(safeJson(record));
  if (!parsed?.success) {
    throw new MinerError('SANDBOX', `The state file ${stateFile} has no valid sandbox record (${stateRecordPath(stateFile)}).`, {
      hint: 'Use a state file written by `sandbox up --state`, or a new path to start a fresh persistent sandbox.',
    });
  }
  return parsed.data;
}

/** 0600: the record holds the coordinator's server secret. */
export async function writeStateRecord(stateFile: string, record: SandboxStateRecord): Promise<void> {
  await writeJsonFile(stateRecordPath(stateFile), recordSchema.parse(record), 0o600);
}

async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
