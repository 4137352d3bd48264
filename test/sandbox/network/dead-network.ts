import { tmpdir } from 'node:os';
import { findFreePort } from '../../../src/sandbox/chain/free-port.js';
import { devKey, type SandboxDescription } from '../../../src/sandbox/network/index.js';

/** A well-formed description of a sandbox whose chain and coordinator do not answer. */
export async function deadNetwork(pid: number): Promise<SandboxDescription> {
  const [rpcPort, coordinatorPort] = [await findFreePort(), await findFreePort()];
  const wallet = { address: '0x0000000000000000000000000000000000000001', privateKey: devKey(9) };
  const contract = '0x0000000000000000000000000000000000000002';
  return {
    version: 1,
    pid,
    startedAt: new Date().toISOString(),
    chain: { rpcUrl: `http://127.0.0.1:${rpcPort}`, chainId: 31337, blockTime: 0 },
    coordinator: { url: `http://127.0.0.1:${coordinatorPort}`, skillUrl: `http://127.0.0.1:${coordinatorPort}/.well-known/skill.md` },
    contracts: { botcoin: contract, mining: contract, rigNft: contract, rigMining: contract, usdc: contract },
    epoch: { durationSeconds: 300, genesisTimestamp: 1 },
    accounts: {
      owner: wallet,
      coordinatorSigner: wallet,
      miner: { ...wallet, stake: '1' },
      operator: { ...wallet, rigIds: ['1'] },
      student: wallet,
      evaluator: wallet,
    },
    answerKeyDir: tmpdir(),
    evaluators: [],
  };
}
