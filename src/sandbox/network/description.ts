/**
 * The sandbox description file, `<dataDir>/sandbox/sandbox.json`: what `sandbox up` started and
 * how to reach it. `mine --sandbox`, `sandbox status|down` and tests read it. It holds the test
 * wallets' private keys (local chain only), so it is written 0600.
 */
import { readFile, rm } from 'node:fs/promises';
import { z } from 'zod';
import { MinerError } from '../../errors.js';
import { writeJsonFile } from '../../io/json-file.js';
import { sandboxPaths } from './paths.js';

const address = z.string().regex(/^0x[0-9a-fA-F]{40}$/, 'an 0x-prefixed 20-byte address');
const privateKey = z.string().regex(/^0x[0-9a-fA-F]{64}$/, 'an 0x-prefixed 32-byte private key');
const decimal = z.string().regex(/^\d+$/, 'a decimal integer string');
const wallet = z.object({ address, privateKey });

/** An evaluator server started with the sandbox (see `SandboxOptions.evaluators`). */
export const sandboxEvaluatorSchema = z.looseObject({ name: z.string(), url: z.string() });
export type SandboxEvaluatorDescription = z.infer<typeof sandboxEvaluatorSchema>;

export const sandboxDescriptionSchema = z.object({
  version: z.literal(1),
  /** The process that runs the sandbox (`sandbox up`, or the library's caller). */
  pid: z.number().int().positive(),
  startedAt: z.iso.datetime(),
  chain: z.object({ rpcUrl: z.url(), chainId: z.number().int().positive(), blockTime: z.number().int().nonnegative() }),
  coordinator: z.object({ url: z.url(), skillUrl: z.url() }),
  contracts: z.object({ botcoin: address, mining: address, rigNft: address, rigMining: address, usdc: address }),
  epoch: z.object({ durationSeconds: z.number().int().positive(), genesisTimestamp: z.number().int().nonnegative() }),
  accounts: z.object({
    owner: wallet,
    coordinatorSigner: wallet,
    /** `stake`: BOTCOIN staked, in base units (18 decimals), as a decimal string. */
    miner: wallet.extend({ stake: decimal }),
    /** Rigs delegated to the operator, ids as decimal strings. */
    operator: wallet.extend({ rigIds: z.array(decimal) }),
    student: wallet,
    evaluator: wallet,
    /** Gas payer of the in-process x402 facilitator (absent in descriptions written before it existed). */
    facilitator: wallet.optional(),
  }),
  /** The coordinator writes `<challengeId>.json` = `{answerKey, solution}` here (tests and demos only). */
  answerKeyDir: z.string(),
  evaluators: z.array(sandboxEvaluatorSchema),
});
export type SandboxDescription = z.infer<typeof sandboxDescriptionSchema>;

/** `<dataDir>/sandbox/sandbox.json`; dataDir defaults to BOTCOIN_DATA_DIR or the OS data dir. */
export function sandboxDescriptionPath(dataDir?: string): string {
  return sandboxPaths(dataDir).description;
}

/** Reads and validates the description of the running sandbox; a clear error when there is none. */
export async function readSandboxDescription(dataDir?: string): Promise<SandboxDescription> {
  const path = sandboxDescriptionPath(dataDir);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new MinerError('SANDBOX', 'No sandbox is running.', {
      details: `${path} does not exist.`,
      hint: 'Start one with `botcoin-miner sandbox up`.',
    });
  }
  const parsed = sandboxDescriptionSchema.safeParse(safeJson(text));
  if (!parsed.success) {
    throw new MinerError('SANDBOX', `The sandbox description ${path} is not valid.`, {
      details: parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; '),
      hint: 'Run `botcoin-miner sandbox down` to clear it, then `botcoin-miner sandbox up`.',
    });
  }
  return parsed.data;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export async function writeSandboxDescription(path: string, description: SandboxDescription): Promise<void> {
  await writeJsonFile(path, sandboxDescriptionSchema.parse(description), 0o600);
}

/** Removes the description only while it still names `pid`, so a newer sandbox's file survives. */
export async function removeSandboxDescription(path: string, pid?: number): Promise<void> {
  if (pid !== undefined) {
    const current = await readFile(path, 'utf8').then(safeJson, () => undefined);
    if ((current as { pid?: unknown } | undefined)?.pid !== pid) return;
  }
  await rm(path, { force: true });
}
