// Signing and broadcasting guarded transactions: sign → (ledger) → broadcast → confirm, and crash recovery.
export { NonceAllocator } from './nonce-allocator.js';
export { signGuarded, type SignedTransaction, type SignOptions, type SigningWalletClient } from './sign.js';
export { sendGuarded, type SendOptions } from './send.js';
export { broadcastRaw, rebroadcast, type RebroadcastOutcome } from './broadcast.js';
export { waitForConfirmation, type ConfirmationOptions, type ConfirmationResult } from './confirm.js';
export { receiptStatus, type ReceiptStatus } from './status.js';
export { decodeEvents, type DecodedEvent } from './events.js';
export { classifyRevert, type RevertReason } from '../guard/index.js';
