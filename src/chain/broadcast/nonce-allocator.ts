import type { Address, PublicClient } from 'viem';

interface AccountNonces {
  /** One past the highest nonce handed out by this process. */
  next: number;
  /** Nonces handed out but given back unsent (signing or the ledger write failed), lowest first. */
  free: number[];
}

/**
 * One nonce sequence per sender, shared by every rig of this process (spec/miner.md "Many
 * rigs"). Why not viem's account nonce manager: the miner signs first and broadcasts later
 * (after the ledger write), so a nonce must stay taken while its transaction is signed but not
 * yet in the node's pool, and a nonce whose transaction will never be sent must be given back
 * without disturbing the ones in flight; viem's manager can only reset everything.
 *
 * A nonce is the node's pending count or, if higher, one past the last nonce this process handed
 * out; a released nonce is reused first while the node has not seen it used. The bookkeeping
 * after the node's answer is synchronous, so concurrent calls never get the same nonce. Create
 * one allocator per wallet session (a new chain with the same id and addresses needs a new one),
 * and re-broadcast in-flight receipts from the ledger before allocating new nonces after a crash.
 */
export class NonceAllocator {
  private readonly accounts = new Map<string, AccountNonces>();

  async allocate(publicClient: PublicClient, sender: { address: Address; chainId: number }): Promise<number> {
    const pending = await publicClient.getTransactionCount({ address: sender.address, blockTag: 'pending' });
    const state = this.state(sender);
    state.free = state.free.filter((nonce) => nonce >= pending);
    const reused = state.free.shift();
    if (reused !== undefined) return reused;
    const nonce = Math.max(pending, state.next);
    state.next = nonce + 1;
    return nonce;
  }

  /** Gives back a nonce whose transaction was never broadcast, so the sequence has no gap. */
  release(sender: { address: Address; chainId: number }, nonce: number): void {
    const state = this.state(sender);
    if (nonce >= state.next || state.free.includes(nonce)) return;
    state.free.push(nonce);
    state.free.sort((a, b) => a - b);
  }

  private state(sender: { address: Address; chainId: number }): AccountNonces {
    const key = `${sender.chainId}:${sender.address.toLowerCase()}`;
    let state = this.accounts.get(key);
    if (!state) {
      state = { next: 0, free: [] };
      this.accounts.set(key, state);
    }
    return state;
  }
}
