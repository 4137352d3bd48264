import { describe, it, expect } from 'vitest';
import { Chalk } from 'chalk';
import { stampEvent, type MinerEventInput } from '../../../src/miner/events.js';
import { applyEvent, emptyState, type LiveState } from '../../../src/cli/live-view/rows.js';
import { fitSegments, frameLines, paint, plainText, visibleLength } from '../../../src/cli/live-view/format.js';
import { colours } from '../../../src/util/colours.js';

function busyState(): LiveState {
  const state = emptyState(['rig 1', 'rig 2', 'rig 12'], '2026-11-22');
  const inputs: MinerEventInput[] = [
    { lane: 'rig', rigId: '1', type: 'challenge', challengeId: 'c1', epochId: '42' },
    { lane: 'rig', rigId: '1', type: 'model_call', challengeId: 'c1', attempt: 1, provider: 'p', model: 'm', promptTokens: 1, completionTokens: 1, costUsd: 0.0123, latencyMs: 1 },
    { lane: 'rig', rigId: '1', type: 'verdict', challengeId: 'c1', attempt: 1, pass: false, constraintsPassed: 6, constraintsTotal: 8, questionAnswersCorrect: 4, questionAnswersTotal: 10 },
    { lane: 'rig', rigId: '2', type: 'challenge', challengeId: 'c2', epochId: '42' },
    { lane: 'rig', rigId: '2', type: 'verdict', challengeId: 'c2', attempt: 1, pass: true },
    { lane: 'rig', rigId: '2', type: 'receipt', receiptId: 'r2', state: 'confirmed', challengeId: 'c2', creditsEarned: '1234', recovered: false },
  ];
  for (const input of inputs) applyEvent(state, stampEvent(input, new Date('2026-11-22T10:00:00Z')));
  return state;
}

const texts = (state: LiveState, columns: number, rows = 24): string[] => frameLines(state, columns, rows).map(plainText);

describe('live view lines', () => {
  it('labels every field on a wide terminal: one line per rig and a summary', () => {
    const lines = texts(busyState(), 200);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^rig 1 +rejected +attempt 1\/3 +verdict fail c 6\/8 q 4\/10 +credits 0 +cost \$0\.0123$/);
    expect(lines[1]).toMatch(/^rig 2 +confirmed +attempt 1\/3 +verdict pass +credits 1234 +cost \$0\.0000$/);
    expect(lines[2]).toMatch(/^rig 12 +starting +attempt -\/3 +verdict - +credits 0/);
    expect(lines[3]).toMatch(/^total +mining +epoch 42 .*confirmed 1 .*credits this epoch 1234 +cost today \$0\.0123$/);
    // Columns line up: every rig line has its state at the same offset.
    expect(new Set(lines.slice(0, 3).map((l) => l.indexOf('attempt')))).toHaveProperty('size', 1);
  });

  it('switches to the compact layout when the wide one does not fit, keeping credits and cost', () => {
    const lines = texts(busyState(), 50);
    for (const line of lines) expect(visibleLength(line)).toBeLessThanOrEqual(49);
    expect(lines[1]).toMatch(/^rig 2 +confirmed +1\/3 pass +cr 1234 \$0\.0000$/);
    expect(lines[3]).toContain('cr 1234');
  });

  it.each([30, 12, 2, 1])('cuts every line to %i columns minus one, never wrapping', (columns) => {
    const lines = texts(busyState(), columns);
    expect(lines).toHaveLength(4);
    for (const line of lines) {
      expect(visibleLength(line)).toBeLessThanOrEqual(Math.max(1, columns - 1));
      expect(line).not.toContain('\n');
    }
    if (columns > 2) expect(lines[0]?.endsWith('…')).toBe(true);
  });

  it('keeps the summary visible when there are more rigs than terminal rows', () => {
    const state = emptyState(Array.from({ length: 30 }, (_, i) => `rig ${i + 1}`), '2026-11-22');
    const lines = texts(state, 100, 10);
    // The block stays one line shorter than the terminal, so redrawing never scrolls it.
    expect(lines).toHaveLength(9);
    expect(lines[7]).toBe('… 23 more');
    expect(lines[8]).toMatch(/^total/);
  });

  it('cuts painted lines without breaking an escape code, and paints nothing with NO_COLOR', () => {
    const segments = [{ text: 'rig 1', style: 'bold' as const }, { text: ' confirmed', style: 'green' as const }];
    const coloured = paint(fitSegments(segments, 8), new Chalk({ level: 1 }));
    expect(coloured).toBe('\x1b[1mrig 1\x1b[22m\x1b[32m c\x1b[39m\x1b[2m…\x1b[22m');
    expect(paint(fitSegments(segments, 8), colours({ NO_COLOR: '1' }, 'stderr'))).toBe('rig 1 c…');
  });
});
