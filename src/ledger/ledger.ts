/**
 * The append-only local ledger: one folder per wallet, `<data dir>/ledger/<lower-case address>/`,
 * holding JSONL files rotated per UTC month (`2026-11.jsonl`, chosen by the record's `ts`), the
 * content-addressed challenge payloads (`payloads/`) and the miner lock (`miner.lock`).
 * Monthly files keep each file a manageable size and let "since" queries (today's spend) skip
 * whole months; reading all files in name order yields every record in append order.
 *
 * Write guarantees:
 * - one `write()` per record on a file opened with O_APPEND, so records from several processes
 *   never interleave within a line: POSIX makes the seek-to-end atomic with the write, and local
 *   file systems (ext4, xfs, apfs, NTFS) do not interleave the bytes of two single writes to one
 *   file. Network file systems (NFS, SMB) do not promise this; keep the data dir local.
 * - in one process, appends to a wallet's ledger run one at a time, in call order (many rigs);
 * - before each write the file's last byte is checked: if a crash left half a line, the record
 *   starts on a fresh line, so the damage stays confined to that one line;
 * - `appendDurable` also fsyncs the file (and the folder, so a new month file's entry survives):
 *   when it resolves, the record survives a power cut. Signed receipts go through it before
 *   they are broadcast;
 * - a record whose JSON contains a registered secret (src/safety/secrets.ts) is refused.
 * Reading skips an unparsable or invalid line with a warning and keeps going: a truncated last
 * line (a crash mid-write) never costs the records before it.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { mkdir, open, readdir } from 'node:fs/promises';
import { dataDir } from '../config/paths.js';
import { MinerError } from '../errors.js';
import { containsSecret, redact } from '../safety/secrets.js';
import { fieldProblems } from '../challenge/zod-issues.js';
import { ledgerRecordSchema, type LedgerRecord, type LedgerRecordInput, type PayloadRef, type RecordKind } from './records.js';
import { runSerially } from './queue.js';
import { endsMidLine, readLines } from './lines.js';
import { acquireMinerLock, type MinerLock } from './lock.js';
import { loadPayload, storePayload } from './payloads.js';

export interface LedgerWarning {
  file: string;
  line: number;
  message: string;
}

export interface OpenLedgerOptions {
  /** The data directory (default: `dataDir()`, i.e. BOTCOIN_DATA_DIR or the OS data dir). */
  dir?: string;
  /** The wallet (miner / operator) address whose ledger this is. */
  wallet: string;
  /** Where skipped-line warnings go (default: `process.emitWarning`, i.e. stderr). */
  onWarning?: (warning: LedgerWarning) => void;
}

export interface RecordFilter {
  kind?: RecordKind | readonly RecordKind[];
  /** Records with `ts` at or after this instant. */
  since?: Date | string;
  challengeId?: string;
}

const MONTH_FILE = /^(\d{4}-\d{2})\.jsonl$/;
/** Records are written with these keys first, so a filter can skip a line without parsing it. */
const HEAD = /^\{"v":1,"ts":"([^"]+)","kind":"([a-z_]+)"/;

export function openLedger(options: OpenLedgerOptions): Ledger {
  if (!/^0x[0-9a-fA-F]{40}$/.test(options.wallet)) {
    throw new MinerError('INVALID_INPUT', `"${options.wallet}" is not a wallet address, so it has no ledger.`, {
      hint: 'Pass the 0x-prefixed 40-hex-digit address (--wallet, or set MINER_ADDRESS / `config set miner`).',
    });
  }
  const wallet = options.wallet.toLowerCase();
  const dir = join(options.dir ?? dataDir(), 'ledger', wallet);
  return new Ledger(dir, wallet, options.onWarning ?? emitWarning);
}

export class Ledger {
  /** Files whose last line this process has already checked for a torn record. */
  private readonly repairChecked = new Set<string>();
  constructor(
    /** This wallet's ledger folder. */
    readonly dir: string,
    /** Lower-case address. */
    readonly wallet: string,
    private readonly onWarning: (warning: LedgerWarning) => void,
  ) {}

  /** Validates, stamps (`v`, `ts`, `id` when missing) and appends one record; returns it. */
  append(input: LedgerRecordInput): Promise<LedgerRecord> {
    return this.write(input, false);
  }

  /** `append`, then fsync: resolves only once the record is on disk. */
  appendDurable(input: LedgerRecordInput): Promise<LedgerRecord> {
    return this.write(input, true);
  }

  /** Every record matching `filter`, in append order. */
  async read(filter: RecordFilter = {}): Promise<LedgerRecord[]> {
    const records: LedgerRecord[] = [];
    for await (const record of this.records(filter)) records.push(record);
    return records;
  }

  [Symbol.asyncIterator](): AsyncGenerator<LedgerRecord> {
    return this.records();
  }

  /** Streams the records matching `filter`, in append order, skipping damaged lines with a warning. */
  async *records(filter: RecordFilter = {}): AsyncGenerator<LedgerRecord> {
    const kinds = filter.kind === undefined ? undefined : new Set<string>(typeof filter.kind === 'string' ? [filter.kind] : filter.kind);
    const since = filter.since === undefined ? undefined : new Date(filter.since).getTime();
    const sinceMonth = since === undefined ? undefined : new Date(since).toISOString().slice(0, 7);
    for (const name of await this.files()) {
      if (sinceMonth && name.slice(0, 7) < sinceMonth) continue;
      const file = join(this.dir, name);
      for await (const line of readLines(file)) {
        if (line.text.trim() === '') continue;
        const head = HEAD.exec(line.text);
        if (head && kinds && !kinds.has(head[2] ?? '')) continue;
        if (head && since !== undefined && Date.parse(head[1] ?? '') < since) continue;
        const record = this.parseLine(file, line);
        if (!record) continue;
        if (kinds && !kinds.has(record.kind)) continue;
        if (since !== undefined && Date.parse(record.ts) < since) continue;
        if (filter.challengeId !== undefined && !('challengeId' in record && record.challengeId === filter.challengeId)) continue;
        yield record;
      }
    }
  }

  /** Stores a challenge payload beside the ledger; put the returned ref in the `challenge` record. */
  async storePayload(payload: unknown): Promise<PayloadRef> {
    if (containsSecret(JSON.stringify(payload) ?? '')) throw secretRefusal('challenge payload');
    return runSerially(this.dir, async () => {
      await this.ensureDir();
      return storePayload(this.dir, payload);
    });
  }

  loadPayload(ref: PayloadRef): Promise<unknown> {
    return loadPayload(this.dir, ref);
  }

  /** Refuses (MinerError naming the pid) if another live miner holds this wallet's lock. */
  acquireMinerLock(): Promise<MinerLock> {
    return acquireMinerLock(this.dir, this.wallet);
  }

  private async write(input: LedgerRecordInput, durable: boolean): Promise<LedgerRecord> {
    const record = validate(input);
    const line = serialise(record);
    if (containsSecret(line)) throw secretRefusal(`${record.kind} record`);
    const file = join(this.dir, `${record.ts.slice(0, 7)}.jsonl`);
    await runSerially(this.dir, async () => {
      await this.ensureDir();
      // 'a+': O_APPEND for the write, readable for the last-byte check.
      const handle = await open(file, 'a+', 0o600);
      try {
        // A torn last line can only come from a crash before this process started, so only the
        // first append to each file looks for one; looking on every append would race with
        // another process's in-flight write and add blank lines.
        const repair = !this.repairChecked.has(file) && (await endsMidLine(handle));
        this.repairChecked.add(file);
        const text = repair ? `\n${line}\n` : `${line}\n`;
        const buffer = Buffer.from(text, 'utf8');
        const { bytesWritten } = await handle.write(buffer, 0, buffer.length, null);
        if (bytesWritten !== buffer.length) {
          throw new MinerError('UNEXPECTED', `Only ${bytesWritten} of ${buffer.length} bytes of a ledger record were written to ${file}.`, {
            hint: 'The disk may be full; free space and run again (the partial line is skipped when reading).',
          });
        }
        if (durable) await handle.sync();
      } finally {
        await handle.close();
      }
      if (durable) await syncDir(this.dir);
    });
    return record;
  }

  private parseLine(file: string, line: { text: string; number: number; terminated: boolean }): LedgerRecord | undefined {
    let json: unknown;
    try {
      json = JSON.parse(line.text);
    } catch {
      const why = line.terminated ? 'is not valid JSON' : 'is incomplete (a crash mid-write, or a write in progress)';
      this.onWarning({ file, line: line.number, message: `skipped a ledger line that ${why}` });
      return undefined;
    }
    const parsed = ledgerRecordSchema.safeParse(json);
    if (!parsed.success) {
      const problems = fieldProblems(parsed.error, json).map((p) => `${p.path} ${p.message}`);
      this.onWarning({ file, line: line.number, message: `skipped a ledger line that is not a valid v1 record: ${problems.join('; ')}` });
      return undefined;
    }
    return parsed.data;
  }

  private async files(): Promise<string[]> {
    try {
      return (await readdir(this.dir)).filter((name) => MONTH_FILE.test(name)).sort();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  private async ensureDir(): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
  }
}

function validate(input: LedgerRecordInput): LedgerRecord {
  const candidate = { ...input, v: 1, ts: input.ts ?? new Date().toISOString(), id: input.id ?? randomUUID() };
  const parsed = ledgerRecordSchema.safeParse(candidate);
  if (!parsed.success) {
    const problems = fieldProblems(parsed.error, candidate).map((p) => `${p.path} ${p.message}`);
    throw new MinerError('UNEXPECTED', `Refused to write an invalid ${String(input.kind)} record to the ledger.`, {
      details: redact(problems.join('; ')),
      hint: 'This is a bug in the miner; please report it with this message.',
    });
  }
  // One spelling of time, so `ts` sorts and compares as text and picks the month file reliably.
  return { ...parsed.data, ts: new Date(parsed.data.ts).toISOString() };
}

/** `v`, `ts`, `kind`, `id` first (see HEAD), then the record's own fields. */
function serialise(record: LedgerRecord): string {
  const { v, ts, kind, id, ...fields } = record;
  return JSON.stringify({ v, ts, kind, id, ...fields });
}

function secretRefusal(what: string): MinerError {
  return new MinerError('UNEXPECTED', `Refused to write a ${what} to the ledger: it contains a registered secret (a private or API key).`, {
    hint: 'This is a bug in the miner; the key was not written anywhere. Please report it (without the key).',
  });
}

/** Makes a new file's directory entry durable. Not possible on Windows (directories cannot be opened): skipped. */
async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function emitWarning(warning: LedgerWarning): void {
  process.emitWarning(`${warning.file}:${warning.line}: ${warning.message}`, { code: 'BOTCOIN_LEDGER' });
}
