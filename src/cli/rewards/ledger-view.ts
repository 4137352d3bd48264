/** The wallet's ledger as the rewards commands read it (read-only; a missing ledger is an empty one). */
import type { Address } from 'viem';
import type { LedgerRecord } from '../../ledger/records.js';
import type { CommandContext } from '../context.js';

export async function readLedgerRecords(ctx: CommandContext, wallet: Address, dataDir: string | undefined): Promise<LedgerRecord[]> {
  const { openLedger } = await import('../../ledger/index.js');
  const ledger = openLedger({ wallet, ...(dataDir ? { dir: dataDir } : {}), onWarning: (w) => ctx.out.warn(`${w.file}:${w.line}: ${w.message}`) });
  return ledger.read();
}
