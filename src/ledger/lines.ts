import { createReadStream } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';

export interface Line {
  text: string;
  /** 1-based. */
  number: number;
  /** False only for a last line with no newline after it: a write cut short, or one in progress. */
  terminated: boolean;
}

/** The lines of a file, streamed (ledger files grow to hundreds of MB; never read one whole). */
export async function* readLines(path: string): AsyncGenerator<Line> {
  let rest = '';
  let number = 0;
  // utf8 decoding in the stream keeps a multi-byte character split across chunks intact.
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const parts = (rest + (chunk as string)).split('\n');
    rest = parts.pop() ?? '';
    for (const text of parts) yield { text, number: ++number, terminated: true };
  }
  if (rest !== '') yield { text: rest, number: ++number, terminated: false };
}

/** True when the file's last byte is not a newline: the next record must start on a fresh line. */
export async function endsMidLine(handle: FileHandle): Promise<boolean> {
  const { size } = await handle.stat();
  if (size === 0) return false;
  const byte = Buffer.alloc(1);
  await handle.read(byte, 0, 1, size - 1);
  return byte[0] !== 0x0a;
}
