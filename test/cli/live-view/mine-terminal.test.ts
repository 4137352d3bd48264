// `mine` as a human sees it: the real built CLI mining on an in-process sandbox inside a real
// terminal (tmux gives the process a pseudo-terminal), read back from the screen; and the same
// run through pipes, where the output must be plain lines without a single control character.
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { setTimeout as delay } from 'node:timers/promises';
import { isolatedHome, repoRoot, runCli } from '../../support/cli.js';

const MINE = ['mine', '--sandbox', '--model', 'answer-key', '--count', '3'];
const SOCKET = `botcoin-live-view-${process.pid}`;
const tmux = (...args: string[]): string => execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
const quote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;

/** Starts the CLI in a detached tmux pane of `columns` × 40; the pane stays open after it exits. */
function startOnScreen(name: string, columns: number, args: readonly string[]): void {
  const env = Object.entries(isolatedHome()).map(([k, v]) => `${k}=${quote(v)}`).join(' ');
  // NO_COLOR unset: colours are on, as on a user's terminal (capture-pane -p drops them). The
  // shell traps Ctrl-C so that it survives to print the exit code.
  const command = `cd ${quote(repoRoot)} && env -u NO_COLOR ${env} ${quote(process.execPath)} bin/botcoin-miner.js ${args.join(' ')}; echo "EXIT=$?"; sleep 600`;
  tmux('new-session', '-d', '-s', name, '-x', String(columns), '-y', '40', `bash -c ${quote(`trap true INT; ${command}`)}`);
}

/** Polls the screen until `pattern` shows (150 s at most). */
async function waitForScreen(name: string, pattern: RegExp): Promise<string> {
  for (let waited = 0; waited < 600; waited++) {
    const screen = tmux('capture-pane', '-p', '-t', name);
    if (pattern.test(screen)) return screen;
    await delay(250);
  }
  throw new Error(`the terminal never showed ${pattern}; it shows:\n${tmux('capture-pane', '-p', '-t', name)}`);
}

async function mineOnScreen(name: string, columns: number): Promise<string> {
  startOnScreen(name, columns, MINE);
  return waitForScreen(name, /EXIT=\d+/);
}

const cursorVisible = (name: string): boolean => tmux('display-message', '-p', '-t', name, '#{cursor_flag}').trim() === '1';

afterAll(() => {
  try {
    tmux('kill-server');
  } catch {
    // no server was started
  }
});

describe('mine on a terminal', () => {
  it('shows one line per rig with state, attempt, verdict, credits and cost, and a summary line', async () => {
    const screen = await mineOnScreen('wide', 160);
    const lines = screen.split('\n');
    expect(screen).toContain('EXIT=0');
    for (const rig of ['1', '2', '3']) {
      const rows = lines.filter((l) => l.startsWith(`rig ${rig} `));
      // Redrawn in place: exactly one line per rig is left on the screen.
      expect(rows, screen).toHaveLength(1);
      expect(rows[0]).toMatch(/^rig \d +done +attempt [123]\/3 +verdict pass +credits [1-9]\d* +cost \$\d+\.\d{4}$/);
    }
    const totals = lines.filter((l) => l.startsWith('total '));
    expect(totals, screen).toHaveLength(1);
    expect(totals[0]).toMatch(/^total +done +epoch \d+ +attempts 3 · passed 3 · rejected 0 · confirmed 3 · abandoned 0 +credits this epoch [1-9]\d* +cost today \$\d+\.\d{4}$/);
    // The per-event lines of the plain output are not on a terminal.
    expect(screen).not.toMatch(/\[rig \d\]/);
    // The result itself still follows on stdout.
    expect(screen).toContain('confirmed 3, unsolved 0');
  }, 180_000);

  it('cuts the lines to a narrow terminal instead of wrapping them', async () => {
    const columns = 44;
    const screen = await mineOnScreen('narrow', columns);
    const lines = screen.split('\n');
    expect(screen).toContain('EXIT=0');
    for (const rig of ['1', '2', '3']) {
      const rows = lines.filter((l) => l.startsWith(`rig ${rig} `));
      expect(rows, screen).toHaveLength(1);
      expect([...(rows[0] ?? '')].length).toBeLessThan(columns);
      expect(rows[0]).toMatch(/^rig \d +done +[123]\/3 pass +cr [1-9]\d* \$\d+\.\d{4}$/);
    }
    expect(lines.filter((l) => l.startsWith('total '))).toHaveLength(1);
  }, 180_000);
});

describe('mine on a terminal that changes', () => {
  it('redraws for a narrower window and gives the cursor back on Ctrl-C', async () => {
    // Enough challenges that the run is still going when the window shrinks and Ctrl-C comes.
    startOnScreen('resize', 150, [...MINE.slice(0, -1), '60']);
    await waitForScreen('resize', /^total +mining/m);
    expect(cursorVisible('resize')).toBe(false);
    tmux('resize-window', '-t', 'resize', '-x', '48');
    const narrow = await waitForScreen('resize', /^rig 1 +\S+ +[-123]\/3 /m);
    const lines = narrow.split('\n');
    for (const rig of ['1', '2', '3']) expect(lines.filter((l) => l.startsWith(`rig ${rig} `)), narrow).toHaveLength(1);
    for (const line of lines.filter((l) => /^(rig|total) /.test(l))) expect([...line].length).toBeLessThan(48);
    tmux('send-keys', '-t', 'resize', 'C-c');
    const after = await waitForScreen('resize', /EXIT=\d+/);
    expect(after).toContain('EXIT=130');
    expect(cursorVisible('resize')).toBe(true);
  }, 180_000);
});

describe('mine through pipes', () => {
  it('prints plain lines per event and no control character on stdout or stderr', async () => {
    // NO_COLOR empty counts as unset: nothing but the missing terminal keeps colours away.
    const result = await runCli(MINE, { env: { ...isolatedHome(), NO_COLOR: '' } });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/^\[rig 1\] challenge /m);
    expect(result.stderr).toMatch(/^\[rig 3\] receipt \S+ confirmed /m);
    expect(result.stdout).toContain('confirmed 3, unsolved 0');
    // eslint-disable-next-line no-control-regex
    const control = /[\x00-\x09\x0b-\x1f\x7f]/;
    expect(result.stdout).not.toMatch(control);
    expect(result.stderr).not.toMatch(control);
  }, 180_000);
});
