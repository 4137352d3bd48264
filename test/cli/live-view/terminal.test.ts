import { describe, it, expect } from 'vitest';
import { EventEmitter } from 'node:events';
import { LiveRegion } from '../../../src/cli/live-view/terminal.js';

/** A terminal-shaped stream that records what is written to it. */
class Screen extends EventEmitter {
  written: string[] = [];
  constructor(
    public columns: number,
    public rows = 24,
  ) {
    super();
  }
  write(text: string): boolean {
    this.written.push(text);
    return true;
  }
}

describe('the live region', () => {
  it('hides the cursor, redraws over its previous frame, and gives the cursor and the signals back', () => {
    const screen = new Screen(100);
    let frame = ['one', 'two'];
    const sigints = process.listenerCount('SIGINT');
    const region = new LiveRegion(screen, () => frame.map((text) => ({ text, width: text.length })));
    region.start();
    expect(screen.written).toEqual(['\x1b[?25l', 'one\ntwo\n']);
    expect(process.listenerCount('SIGINT')).toBe(sigints + 1);
    frame = ['three', 'four', 'five'];
    region.draw();
    expect(screen.written.at(-1)).toBe('\r\x1b[2A\x1b[Jthree\nfour\nfive\n');
    region.log('a note');
    expect(screen.written.slice(-2)).toEqual(['\r\x1b[3A\x1b[Ja note\n', 'three\nfour\nfive\n']);
    region.stop();
    expect(screen.written.at(-1)).toBe('\x1b[?25h');
    expect(process.listenerCount('SIGINT')).toBe(sigints);
    expect(screen.listenerCount('resize')).toBe(0);
  });

  it('after a resize, clears the screen and draws the block at the top (the reflowed old frame is unknowable)', () => {
    const screen = new Screen(100);
    const region = new LiveRegion(screen, (columns) => [{ text: 'x'.repeat(columns - 1), width: columns - 1 }, { text: 'y', width: 1 }]);
    region.start();
    screen.columns = 40;
    screen.emit('resize');
    expect(screen.written.slice(-2)).toEqual(['\x1b[H\x1b[2J', `${'x'.repeat(39)}\ny\n`]);
    region.stop();
  });
});
