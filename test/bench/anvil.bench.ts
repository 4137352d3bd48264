// npx vitest bench --run test/bench/anvil.bench.ts
// start-to-ready of the sandbox chain, and the latency of one write + its receipt (instant blocks).
import { bench, describe } from 'vitest';
import type { Address } from 'viem';
import { startAnvil } from '../../src/sandbox/chain/anvil.js';
import { ANVIL_DEFAULT_MNEMONIC, createLocalClients, localAccount, type LocalClients } from '../../src/sandbox/chain/clients.js';
import { deployTestBotcoin, testBotcoinAbi } from '../../src/sandbox/contracts/index.js';

describe('anvil lifecycle', () => {
  bench('startAnvil until eth_chainId answers, then stop()', async () => {
    const anvil = await startAnvil();
    await anvil.stop();
  }, { iterations: 20, time: 0 });
});

// Hooks do not run around benchmarks, so the chain starts lazily on the first (warm-up) call;
// startAnvil's exit hook stops it when the bench process ends.
let chain: Promise<{ clients: LocalClients; token: Address }> | undefined;
const recipient = '0x00000000000000000000000000000000000b0707' as const;

async function startChain(): Promise<{ clients: LocalClients; token: Address }> {
  const anvil = await startAnvil();
  const clients = createLocalClients(anvil.rpcUrl, anvil.chainId, localAccount({ mnemonic: ANVIL_DEFAULT_MNEMONIC, index: 0 }));
  const token = await deployTestBotcoin(clients);
  const hash = await clients.walletClient.writeContract({
    address: token,
    abi: testBotcoinAbi,
    functionName: 'mint',
    args: [clients.walletClient.account.address, 10n ** 30n],
  });
  await clients.publicClient.waitForTransactionReceipt({ hash });
  return { clients, token };
}

describe('write + receipt on instant blocks', () => {
  bench('ETH transfer: sendTransaction + waitForTransactionReceipt', async () => {
    const { clients } = await (chain ??= startChain());
    const hash = await clients.walletClient.sendTransaction({ to: recipient, value: 1n });
    await clients.publicClient.waitForTransactionReceipt({ hash });
  }, { iterations: 100, time: 0, warmupIterations: 5 });

  bench('ERC-20 transfer: writeContract + waitForTransactionReceipt', async () => {
    const { clients, token } = await (chain ??= startChain());
    const hash = await clients.walletClient.writeContract({
      address: token,
      abi: testBotcoinAbi,
      functionName: 'transfer',
      args: [recipient, 1n],
    });
    await clients.publicClient.waitForTransactionReceipt({ hash });
  }, { iterations: 100, time: 0, warmupIterations: 5 });
});
