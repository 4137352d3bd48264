// Earning real credits on a sandbox for the rewards tests: solve with the coordinator's own
// answer key (the reference solution), submit through the protocol client, and broadcast the
// receipt transaction from the wallet the coordinator signed it for.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import type { Solution } from '../../../src/challenge/types.js';
import { createCoordinatorClient, rigSubmission, walletSubmission } from '../../../src/protocol/index.js';
import { createLocalClients, localAccount } from '../../../src/sandbox/chain/clients.js';

export interface SandboxEndpoints {
  coordinatorUrl: string;
  rpcUrl: string;
  chainId: number;
  answerKeyDir: string;
}

function solutionOf(net: SandboxEndpoints, challengeId: string): Solution {
  return (JSON.parse(readFileSync(join(net.answerKeyDir, `${challengeId}.json`), 'utf8')) as { solution: Solution }).solution;
}

async function broadcast(net: SandboxEndpoints, key: Hex, tx: { to: `0x${string}`; data: Hex }): Promise<void> {
  const { walletClient, publicClient } = createLocalClients(net.rpcUrl, net.chainId, localAccount(key));
  const hash = await walletClient.sendTransaction({ to: tx.to, data: tx.data, value: 0n });
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== 'success') throw new Error(`receipt transaction reverted (${hash})`);
}

/** One wallet-lane solve for the (staked) wallet `key`; returns the epoch it was credited in. */
export async function earnWalletCredit(net: SandboxEndpoints, key: Hex): Promise<string> {
  const client = createCoordinatorClient({ baseUrl: net.coordinatorUrl, account: privateKeyToAccount(key) });
  try {
    const { challenge, nonce } = await client.getChallenge();
    const outcome = await client.submitSolution(
      walletSubmission({ challenge, nonce, miner: client.address!, modelVersion: 'reference-solver', solution: solutionOf(net, challenge.challengeId) }),
    );
    if (outcome.kind !== 'pass') throw new Error(`expected a pass, got ${JSON.stringify(outcome)}`);
    await broadcast(net, key, outcome.transaction);
    return String(outcome.receipt.epochId);
  } finally {
    await client.close();
  }
}

/** One rig-lane solve for `rigId` by its operator `key`; returns the epoch it was credited in. */
export async function earnRigCredit(net: SandboxEndpoints, key: Hex, rigId: bigint): Promise<string> {
  const client = createCoordinatorClient({ baseUrl: net.coordinatorUrl, account: privateKeyToAccount(key) });
  try {
    const { challenge, nonce } = await client.getRigChallenge({ rigId });
    const accepted = await client.submitRigSolution(rigSubmission({ challenge, nonce, solution: solutionOf(net, challenge.challengeId), modelVersion: 'reference-solver' }));
    if (accepted.kind !== 'accepted') throw new Error(`expected acceptance, got ${JSON.stringify(accepted)}`);
    const outcome = await client.pollAttempt(accepted.attempt.attemptId);
    if (outcome.status !== 'signed') throw new Error(`expected signed, got ${JSON.stringify(outcome)}`);
    await broadcast(net, key, outcome.transaction);
    return String(challenge.epochId);
  } finally {
    await client.close();
  }
}
