/**
 * Ready-made transactions the miner signs itself: staking (approve, stake, unstake, withdraw)
 * and claims (regular and bonus, wallet or rig). The coordinator never broadcasts.
 */
import type { Context, Handler } from 'hono';
import { encodeFunctionData, erc20Abi, type Abi, type Address, type Hex } from 'viem';
import { sandboxMiningAbi, sandboxRigMiningAbi } from '../../contracts/index.js';
import type { CoordinatorDeps } from '../deps.js';
import type { CoordinatorEnv } from '../env.js';
import { requireEpochList, requireUint } from '../params.js';
import type { TransactionRequest } from '../receipt-signer.js';

type Ctx = Context<CoordinatorEnv>;

function transaction(deps: CoordinatorDeps, to: Address, abi: Abi, functionName: string, args: readonly unknown[]): TransactionRequest {
  return { to, chainId: deps.chainId, value: '0', data: encodeFunctionData({ abi, functionName, args }) as Hex };
}

export function stakeApproveCalldata(deps: CoordinatorDeps): Handler<CoordinatorEnv> {
  return (c) => {
    const amount = requireUint(c.req.query('amount'), 'amount');
    const { botcoin, mining } = deps.reader.contracts;
    return c.json({ amount: amount.toString(), spender: mining, transaction: transaction(deps, botcoin, erc20Abi, 'approve', [mining, amount]) });
  };
}

export function stakeCalldata(deps: CoordinatorDeps): Handler<CoordinatorEnv> {
  return (c) => {
    const amount = requireUint(c.req.query('amount'), 'amount');
    return c.json({ amount: amount.toString(), transaction: transaction(deps, deps.reader.contracts.mining, sandboxMiningAbi, 'stake', [amount]) });
  };
}

export function plainMiningCalldata(deps: CoordinatorDeps, functionName: 'unstake' | 'withdraw'): Handler<CoordinatorEnv> {
  return (c) => c.json({ transaction: transaction(deps, deps.reader.contracts.mining, sandboxMiningAbi, functionName, []) });
}

/** `claim(uint64[])` / `claimRig(uint256,uint64[])`, or their bonus twins `claimBonus(...)`. */
export function claimCalldata(deps: CoordinatorDeps, bonus: boolean): Handler<CoordinatorEnv> {
  return (c: Ctx) => {
    const epochs = requireEpochList(c.req.query('epochs'));
    const rigParam = c.req.query('rigId');
    const tx =
      rigParam === undefined
        ? transaction(deps, deps.reader.contracts.mining, sandboxMiningAbi, bonus ? 'claimBonus' : 'claim', [epochs])
        : transaction(deps, deps.reader.contracts.rigMining, sandboxRigMiningAbi, bonus ? 'claimBonus' : 'claimRig', [
            requireUint(rigParam, 'rigId'),
            epochs,
          ]);
    return c.json({
      epochs: epochs.map(String),
      ...(rigParam === undefined ? {} : { rigId: rigParam }),
      ...(bonus ? { calldata: tx.data } : {}),
      transaction: tx,
    });
  };
}
