/**
 * Per-epoch secrets, derived from the server secret so a restarted coordinator with the same
 * `serverSecret` can still reveal what it committed. The on-chain rule (EpochRewards.sol):
 * `commit = keccak256(abi.encodePacked(bytes32 secret))`.
 */
import { encodeAbiParameters, keccak256, type Hex } from 'viem';

export function epochSecret(serverSecret: Hex, epochId: bigint): Hex {
  return keccak256(
    encodeAbiParameters([{ type: 'bytes32' }, { type: 'string' }, { type: 'uint64' }], [serverSecret, 'botcoin-epoch-secret', epochId]),
  );
}

export function epochCommitOf(secret: Hex): Hex {
  return keccak256(secret);
}
