/**
 * The live view's lines: one per row, then a summary line. A line is a list of styled segments,
 * cut to the terminal width before it is painted, so a line never wraps (a wrapped line would
 * break the in-place redraw) and escape codes are never cut in half.
 */
import type { ChalkInstance } from 'chalk';
import { MAX_ATTEMPTS } from '../../miner/attempt-loop.js';
import { epochCredits, type LiveState, type RigRow, type RigState } from './rows.js';

export type Style = 'plain' | 'dim' | 'bold' | 'green' | 'yellow' | 'red' | 'cyan';

export interface Segment {
  text: string;
  style: Style;
}

const ELLIPSIS = '…';

const STATE_STYLE: Record<RigState, Style> = {
  starting: 'dim',
  solving: 'cyan',
  checked: 'cyan',
  submitted: 'cyan',
  rejected: 'yellow',
  signing: 'green',
  broadcast: 'green',
  confirmed: 'green',
  reverted: 'red',
  dropped: 'red',
  abandoned: 'yellow',
  voided: 'yellow',
  waiting: 'dim',
  stopped: 'red',
  done: 'dim',
};
/** Wide enough for every state name, so the columns line up. */
const STATE_WIDTH = Math.max(...Object.keys(STATE_STYLE).map((s) => s.length));

/** Visible length: code points (every character the view writes is one column wide). */
export function visibleLength(text: string): number {
  return [...text].length;
}

/** Cuts segments to `width` columns, ending with "…" when something was cut. */
export function fitSegments(segments: readonly Segment[], width: number): Segment[] {
  const total = segments.reduce((n, s) => n + visibleLength(s.text), 0);
  if (total <= width) return [...segments];
  if (width <= 0) return [];
  const out: Segment[] = [];
  let room = width - 1;
  for (const segment of segments) {
    if (room <= 0) break;
    const chars = [...segment.text];
    out.push({ text: chars.slice(0, room).join(''), style: segment.style });
    room -= Math.min(room, chars.length);
  }
  out.push({ text: ELLIPSIS, style: 'dim' });
  return out;
}

export function paint(segments: readonly Segment[], chalk: ChalkInstance): string {
  return segments.map((s) => (s.style === 'plain' ? s.text : chalk[s.style](s.text))).join('');
}

export function plainText(segments: readonly Segment[]): string {
  return segments.map((s) => s.text).join('');
}

function formatUsd(usd: number): string {
  return `$${usd.toFixed(4)}`;
}

/** `wide` labels every field; `compact` (when the wide line does not fit) keeps the values only. */
export type Layout = 'wide' | 'compact';

interface Columns {
  label: number;
  verdict: number;
}

function verdictText(row: RigRow, layout: Layout): string {
  const verdict = row.lastVerdict;
  if (!verdict) return '-';
  if (verdict.pass || layout === 'compact') return verdict.pass ? 'pass' : 'fail';
  return `fail${verdict.constraints ? ` c ${verdict.constraints}` : ''}${verdict.answers ? ` q ${verdict.answers}` : ''}`;
}

export function rowSegments(state: LiveState, row: RigRow, layout: Layout, columns: Columns): Segment[] {
  const verdict = row.lastVerdict;
  const label = (wide: string, compact: string): Segment => ({ text: layout === 'wide' ? wide : compact, style: 'dim' });
  const segments: Segment[] = [
    { text: row.label.padEnd(columns.label), style: 'bold' },
    { text: ' ', style: 'plain' },
    { text: row.state.padEnd(STATE_WIDTH), style: STATE_STYLE[row.state] },
    label('  attempt ', ' '),
    { text: `${row.attempt ?? '-'}/${MAX_ATTEMPTS}`, style: 'plain' },
    label('  verdict ', ' '),
    { text: verdictText(row, layout).padEnd(columns.verdict), style: !verdict ? 'dim' : verdict.pass ? 'green' : 'yellow' },
    label('  credits ', ' cr '),
    { text: epochCredits(state, row).toString(), style: 'plain' },
    label('  cost ', ' '),
    { text: formatUsd(row.costUsd), style: 'plain' },
  ];
  if (row.unpricedCalls > 0) segments.push({ text: layout === 'wide' ? ` +${row.unpricedCalls} unpriced` : '+?', style: 'dim' });
  if (row.note && (row.state === 'stopped' || row.state === 'abandoned' || row.state === 'voided')) segments.push({ text: `  ${row.note}`, style: 'yellow' });
  return segments;
}

export function summarySegments(state: LiveState, layout: Layout, columns: Columns): Segment[] {
  const rows = [...state.rows.values()];
  const credits = rows.reduce((n, row) => n + epochCredits(state, row), 0n) + (state.epochId === undefined ? 0n : (state.unattributedCredits.get(state.epochId) ?? 0n));
  const cost = rows.reduce((n, row) => n + row.costUsd, state.unattributedCostUsd);
  const t = state.totals;
  const wide = layout === 'wide';
  return [
    { text: 'total'.padEnd(columns.label), style: 'bold' },
    { text: ' ', style: 'plain' },
    { text: (state.finished ? 'done' : 'mining').padEnd(STATE_WIDTH), style: state.finished ? 'dim' : 'cyan' },
    { text: wide ? `  epoch ${state.epochId ?? '-'}` : ` ep ${state.epochId ?? '-'}`, style: 'plain' },
    {
      text: wide
        ? `  attempts ${t.attempts} · passed ${t.passes} · rejected ${t.rejections} · confirmed ${t.confirmed} · abandoned ${t.abandoned}`
        : ` ${t.passes}/${t.attempts} passed ${t.confirmed} conf`,
      style: 'plain',
    },
    { text: wide ? '  credits this epoch ' : ' cr ', style: 'dim' },
    { text: credits.toString(), style: 'plain' },
    { text: wide ? '  cost today ' : ' ', style: 'dim' },
    { text: formatUsd(cost), style: 'plain' },
  ];
}

/**
 * Every line of the view for a terminal of `columns` × `rows`, each cut to `columns - 1` (writing
 * the last column makes some terminals wrap early). With more rows than fit, the last rig lines
 * give way to a "… N more" line so the summary stays visible.
 */
export function frameLines(state: LiveState, columns: number, rows: number): Segment[][] {
  const all = [...state.rows.values()];
  const room = Math.max(1, rows - 2);
  const shown = all.length > room ? all.slice(0, Math.max(0, room - 1)) : all;
  const width = Math.max(1, columns - 1);
  const fits = (lines: Segment[][]): boolean => lines.every((line) => visibleLength(plainText(line)) <= width);
  const cols = (layout: Layout): Columns => ({
    label: Math.max(5, ...all.map((r) => visibleLength(r.label))),
    verdict: Math.max(4, ...shown.map((r) => visibleLength(verdictText(r, layout)))),
  });
  // Rig lines share one layout so their columns line up; the summary line picks its own.
  const wideRows = shown.map((row) => rowSegments(state, row, 'wide', cols('wide')));
  const rigLines = fits(wideRows) ? wideRows : shown.map((row) => rowSegments(state, row, 'compact', cols('compact')));
  if (shown.length < all.length) rigLines.push([{ text: `${ELLIPSIS} ${all.length - shown.length} more`, style: 'dim' }]);
  const wideSummary = summarySegments(state, 'wide', cols('wide'));
  const summary = fits([wideSummary]) ? wideSummary : summarySegments(state, 'compact', cols('compact'));
  return [...rigLines, summary].map((line) => fitSegments(line, width));
}
