/**
 * A block of lines at the bottom of a terminal, redrawn in place: the cursor goes back up over
 * the previous frame, erases it and writes the new one. The cursor is hidden while the block is
 * live and shown again when it stops — also on Ctrl-C, SIGTERM and exit, or the user's shell
 * would be left without a cursor.
 */

const ESC = '\x1b[';
const HIDE_CURSOR = `${ESC}?25l`;
const SHOW_CURSOR = `${ESC}?25h`;
const ERASE_DOWN = `${ESC}J`;
const CLEAR_SCREEN = `${ESC}H${ESC}2J`;

/** The parts of a tty.WriteStream this needs. */
export interface TerminalStream {
  write(text: string): boolean;
  columns?: number;
  rows?: number;
  on(event: 'resize', listener: () => void): unknown;
  off(event: 'resize', listener: () => void): unknown;
}

export interface FrameLine {
  /** As written, escape codes included. */
  text: string;
  /** Columns it occupies. */
  width: number;
}

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

export class LiveRegion {
  /** Widths of the lines on screen, to know how far back up the previous frame starts. */
  /** Widths of the lines of the frame on screen (their count is what a redraw goes back over). */
  private drawn: number[] = [];
  private live = false;
  /**
   * A reflowing terminal (most, tmux included) rewraps the old frame the moment it resizes, and a
   * redraw can land between that and our SIGWINCH, so the old frame's height is not knowable:
   * clear the visible screen and draw the block at the top.
   */
  private readonly onResize = (): void => {
    if (!this.live) return;
    this.stream.write(CLEAR_SCREEN);
    this.drawn = [];
    this.draw();
  };
  private readonly onExit = (): void => this.restoreCursor();
  private readonly onSignal = (signal: NodeJS.Signals): void => {
    this.stop();
    // A listener disables Node's default exit on a signal: restore it unless another handler
    // remains that re-raises by itself when it is the last (the sandbox's anvil cleanup does).
    if (process.listenerCount(signal) <= 1) process.kill(process.pid, signal);
  };

  constructor(
    private readonly stream: TerminalStream,
    private readonly frame: (columns: number, rows: number) => FrameLine[],
  ) {}

  start(): void {
    if (this.live) return;
    this.live = true;
    this.stream.write(HIDE_CURSOR);
    this.stream.on('resize', this.onResize);
    process.on('exit', this.onExit);
    for (const signal of SIGNALS) process.on(signal, this.onSignal);
    this.draw();
  }

  /** Redraws the block from the current state. */
  draw(): void {
    if (!this.live) return;
    const columns = this.columns();
    const lines = this.frame(columns, this.stream.rows ?? 24);
    this.stream.write(`${this.eraseFrame()}${lines.map((l) => `${l.text}\n`).join('')}`);
    this.drawn = lines.map((l) => l.width);
  }

  /** Writes a line above the block (it scrolls away like ordinary output), then redraws the block. */
  log(text: string): void {
    if (!this.live) {
      this.stream.write(`${text}\n`);
      return;
    }
    this.stream.write(`${this.eraseFrame()}${text}\n`);
    this.drawn = [];
    this.draw();
  }

  /** Draws the last frame, leaves it on screen and gives the cursor back. */
  stop(): void {
    if (!this.live) return;
    this.draw();
    this.live = false;
    this.stream.off('resize', this.onResize);
    process.off('exit', this.onExit);
    for (const signal of SIGNALS) process.off(signal, this.onSignal);
    this.restoreCursor();
  }

  private restoreCursor(): void {
    this.stream.write(SHOW_CURSOR);
  }

  private columns(): number {
    return Math.max(1, this.stream.columns ?? 80);
  }

  /** Moves to the first line of the previous frame and erases to the end of the screen. */
  private eraseFrame(): string {
    if (this.drawn.length === 0) return '';
    return `\r${ESC}${this.drawn.length}A${ERASE_DOWN}`;
  }
}
