// A token the coordinator has expired, while the client still believes it fresh (a slow
// local clock here; a coordinator restart in real life): one 401, one re-auth, and the call
// goes through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { privateKeyToAccount } from 'viem/accounts';
import { createCoordinatorClient, walletSubmission, type SignInEvent } from '../../../src/protocol/index.js';
import { ACCOUNT, startSandboxNetwork, type SandboxNetwork } from '../../support/sandbox-network.js';

describe('coordinator client: 401 after token expiry', () => {
  let net: SandboxNetwork;
  beforeAll(async () => {
    net = await startSandboxNetwork({ rigs: 1, coordinator: { tokenTtlSeconds: 2 } });
  });
  afterAll(async () => net?.stop());

  it('re-authenticates once and repeats the call, and resubmits the same solve after a 401', async () => {
    const frozen = Date.now();
    const signIns: SignInEvent[] = [];
    const client = createCoordinatorClient({
      baseUrl: net.coordinator.url,
      account: privateKeyToAccount(net.key(ACCOUNT.miner)),
      now: () => frozen,
      onSignIn: (event) => signIns.push(event),
    });
    const expire = () => new Promise((resolve) => setTimeout(resolve, 2_500));
    const { challenge, nonce } = await client.getChallenge();
    await expire();
    const { solution } = net.answerKeyOf(challenge.challengeId);
    const outcome = await client.submitSolution(walletSubmission({ challenge, nonce, solution, miner: client.address!, modelVersion: 'reference-solver' }));
    expect(outcome).toMatchObject({ kind: 'pass', transaction: { to: net.contracts.mining } });
    expect(signIns.map((e) => e.reason)).toEqual(['initial', 'unauthorized']);
    await expire();
    expect((await client.getChallenge()).challenge.challengeId).toMatch(/\S/);
    expect(signIns.map((e) => e.reason)).toEqual(['initial', 'unauthorized', 'unauthorized']);
    await client.close();
  });
});
