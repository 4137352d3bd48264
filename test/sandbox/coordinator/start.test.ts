import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAnvil, type AnvilHandle } from '../../../src/sandbox/chain/anvil.js';
import { startCoordinator, type CoordinatorHandle } from '../../../src/sandbox/coordinator/index.js';
import { isMinerError } from '../../../src/errors.js';
import { ACCOUNT, devKey } from '../../support/sandbox-network.js';
import { call } from './http.js';

describe('startCoordinator', () => {
  let anvil: AnvilHandle;
  let coordinator: CoordinatorHandle | undefined;

  beforeAll(async () => {
    anvil = await startAnvil();
  });
  afterAll(async () => {
    await coordinator?.stop();
    await anvil?.stop();
  });

  it('deploys a fresh sandbox set when no contracts are given and serves it on 127.0.0.1', async () => {
    coordinator = await startCoordinator({
      rpcUrl: anvil.rpcUrl,
      signerKey: devKey(ACCOUNT.signer),
      operatorKey: devKey(ACCOUNT.owner),
      deploy: { epochDurationSeconds: 120 },
    });
    expect(coordinator.url).toBe(`http://127.0.0.1:${coordinator.port}`);
    expect(coordinator.contracts.mining).toMatch(/^0x[0-9a-fA-F]{40}$/);
    const epoch = await call(`${coordinator.url}/v1/epoch`);
    expect(epoch.body).toMatchObject({ epochId: '0', epochDurationSeconds: 120 });
    // The app is a value: it answers a Request without the server too.
    const direct = await coordinator.app.fetch(new Request('http://coordinator.test/health'));
    expect(direct.status).toBe(200);
  });

  it('refuses to serve a deployment whose contracts trust another signer', async () => {
    const { botcoin, mining, rigMining } = coordinator!.contracts;
    const error = await startCoordinator({
      rpcUrl: anvil.rpcUrl,
      signerKey: devKey(7),
      operatorKey: devKey(ACCOUNT.owner),
      contracts: { botcoin, mining, rigMining },
    }).catch((e: unknown) => e);
    expect(isMinerError(error) && error.code).toBe('CONFIG');
    expect(String((error as Error).message)).not.toContain(devKey(7).slice(2));
  });

  it('serves an existing deployment with its signer key, deploying nothing', async () => {
    const { botcoin, mining, rigMining } = coordinator!.contracts;
    const second = await startCoordinator({
      rpcUrl: anvil.rpcUrl,
      signerKey: devKey(ACCOUNT.signer),
      operatorKey: devKey(ACCOUNT.owner),
      contracts: { botcoin, mining, rigMining },
      operator: { enabled: false },
    });
    try {
      expect(second.contracts).toEqual(coordinator!.contracts);
      const skill = await (await fetch(`${second.url}/.well-known/skill.md`)).text();
      expect(skill).toContain(`| BotcoinMining | ${mining} |`);
    } finally {
      await second.stop();
    }
  });
});
