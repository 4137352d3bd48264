/**
 * `mine` on a terminal: one line per rig (state, attempt k/3, last verdict, credits this epoch,
 * model cost today) and a summary line, redrawn in place on stderr as the engine's events arrive.
 * Lines written with `log` go above the block, so they stay in the scrollback.
 */
import type { ChalkInstance } from 'chalk';
import type { LedgerRecord } from '../../ledger/index.js';
import type { MinerEvent } from '../../miner/events.js';
import { seedState } from './baseline.js';
import { frameLines, paint, plainText, visibleLength } from './format.js';
import { applyEvent, emptyState, finish } from './rows.js';
import { LiveRegion, type TerminalStream } from './terminal.js';

export { readBaseline } from './baseline.js';
export { slotKey } from './rows.js';

export interface LiveViewOptions {
  stream: TerminalStream;
  chalk: ChalkInstance;
  /** Row keys in display order: `rig <id>` per rig, or `wallet`. */
  slots: readonly string[];
  /** The ledger's records from before the run (readBaseline). */
  baseline: readonly LedgerRecord[];
  now?: Date;
}

export interface LiveView {
  onEvent(event: MinerEvent): void;
  /** A line above the block (errors, notes). */
  log(text: string): void;
  /** The run has returned or failed: last frame, cursor back. */
  stop(): void;
}

export function startLiveView(options: LiveViewOptions): LiveView {
  const now = options.now ?? new Date();
  const state = emptyState(options.slots, now.toISOString().slice(0, 10));
  seedState(state, options.baseline, now);
  const region = new LiveRegion(options.stream, (columns, rows) =>
    frameLines(state, columns, rows).map((line) => ({ text: paint(line, options.chalk), width: visibleLength(plainText(line)) })),
  );
  region.start();
  return {
    onEvent(event) {
      applyEvent(state, event);
      region.draw();
    },
    log(text) {
      region.log(text);
    },
    stop() {
      finish(state);
      region.stop();
    },
  };
}
