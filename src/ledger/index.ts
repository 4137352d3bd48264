export * from './records.js';
export { openLedger, Ledger, type LedgerWarning, type OpenLedgerOptions, type RecordFilter } from './ledger.js';
export { LOCK_FILE, type MinerLock } from './lock.js';
export { applyReceipt, canTransition, inFlight, receiptStates, type ReceiptView } from './receipts.js';
export { summarize, utcDayStart, type DaySummary, type EpochCredits, type LedgerSummary, type SummaryOptions } from './summary.js';
