import { getAddress, parseEventLogs, type Address, type Log } from 'viem';
import { knownAbi } from '../guard/index.js';

/** One log the miner understands (`CreditAccepted`, `RigCreditAccepted`, token `Transfer` of a claim payout, ...). */
export interface DecodedEvent {
  name: string;
  address: Address;
  args: Record<string, unknown>;
}

/** Decodes the logs of a receipt with every known ABI; logs of unknown events are left out. */
export function decodeEvents(logs: readonly Log[]): DecodedEvent[] {
  return parseEventLogs({ abi: knownAbi, logs: [...logs], strict: true }).map((log) => ({
    name: log.eventName,
    address: getAddress(log.address),
    args: { ...(log.args as Record<string, unknown>) },
  }));
}
