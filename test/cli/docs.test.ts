// README.md and skill.md match the CLI: every `botcoin-miner <command> [<subcommand>]` they show
// exists, with every flag given next to it; every setting and its environment variables are in
// README's table; every exit code is documented in both; skill.md's front-matter names the real
// commands and version. The CLI's own command tree (buildProgram) is the reference.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command, Option } from 'commander';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { buildProgram } from '../../src/cli/main.js';
import { settings } from '../../src/config/settings.js';
import { ExitCode } from '../../src/errors.js';
import { repoRoot } from '../support/cli.js';

const program = buildProgram();
const docs = { 'README.md': read('README.md'), 'skill.md': read('skill.md') };
const commandNames = new Set(program.commands.map((c) => c.name()));

function read(name: string): string {
  return readFileSync(join(repoRoot, name), 'utf8');
}

/** Code the docs show: fenced blocks line by line (continuations joined), and inline `spans`. */
function codeSnippets(markdown: string): string[] {
  const snippets: string[] = [];
  let fenced = false;
  for (const line of markdown.replace(/\\\n\s*/g, ' ').split('\n')) {
    if (line.trimStart().startsWith('```')) fenced = !fenced;
    else if (fenced) snippets.push(line.replace(/(^|\s)#.*$/, ''));
    else for (const match of line.matchAll(/`([^`]+)`/g)) snippets.push(match[1] as string);
  }
  return snippets;
}

/** The words after the program name of an invocation, or of a span that starts with a command. */
function invocations(markdown: string): string[][] {
  const found: string[][] = [];
  for (const snippet of codeSnippets(markdown)) {
    for (const part of snippet.split(/\s(?:&&|;|>|\|)\s/)) {
      const named = part.match(/botcoin-miner(?:\.js)?\s+(.*)$/);
      const words = (named ? (named[1] as string) : part).trim().split(/\s+/).map((w) => w.replace(/^\[|\]$/g, ''));
      if (named || commandNames.has(words[0] as string)) found.push(words);
    }
  }
  return found;
}

function findOption(command: Command, flag: string): Option | undefined {
  for (let c: Command | null = command; c; c = c.parent) {
    const option = c.options.find((o) => o.long === flag || o.short === flag);
    if (option) return option;
  }
  return flag === '--help' || flag === '-h' ? ({ required: false, optional: false } as Option) : undefined;
}

/** Problems with one invocation, walking the command tree as commander would. */
function check(words: string[]): string[] {
  const problems: string[] = [];
  let command = program;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    if (word.startsWith('<') || word === '...' || word === '…') break;
    if (word.startsWith('-')) {
      const option = findOption(command, word.split('=')[0] as string);
      if (!option) problems.push(`${word} is not an option of \`${command.name()}\``);
      else if ((option.required || option.optional) && !word.includes('=')) i++;
      continue;
    }
    if (command.commands.length === 0 || word === 'help') continue;
    const alternatives = word.split(/\\?\|/);
    const subcommands = alternatives.map((name) => command.commands.find((c) => c.name() === name));
    if (subcommands.some((c) => c === undefined)) {
      if (command === program || command.registeredArguments.length === 0) problems.push(`\`${word}\` is not a command of \`${command.name()}\``);
      break;
    }
    if (alternatives.length > 1) {
      // `wallet new|import|address --keystore`: a flag after alternatives must fit one of them.
      const rest = words.slice(i + 1);
      const fits = subcommands.map((c) => rest.every((w) => !w.startsWith('-') || findOption(c as Command, w.split('=')[0] as string)));
      if (!fits.some(Boolean)) problems.push(`the flags ${rest.join(' ')} fit none of ${word}`);
      break;
    }
    command = subcommands[0] as Command;
  }
  return problems;
}

/** Table rows whose first cell names commands: every flag in the row belongs to one of them. */
function tableRowProblems(markdown: string): string[] {
  const problems: string[] = [];
  for (const line of markdown.split('\n')) {
    const cells = line.split(/(?<!\\)\|/).slice(1, -1);
    if (cells.length < 2) continue;
    const named = [...(cells[0] as string).matchAll(/`([^`]+)`/g)].map((m) => (m[1] as string).split(/\s+/));
    const commands = named.flatMap(([top, sub]) => {
      const command = program.commands.find((c) => c.name() === top);
      if (!command) return [];
      const subs = command.commands.filter((c) => sub !== undefined && sub.split(/\\?\|/).includes(c.name()));
      return subs.length > 0 ? subs : [command, ...command.commands];
    });
    if (commands.length === 0) continue;
    const flags = cells.slice(1).join(' ').match(/--[a-z][\w-]*/g) ?? [];
    for (const flag of flags) if (!commands.some((c) => findOption(c, flag))) problems.push(`${flag} (row \`${(cells[0] as string).trim()}\`) is not an option of any command named there`);
  }
  return problems;
}

describe('README.md and skill.md match the CLI', () => {
  for (const [name, markdown] of Object.entries(docs)) {
    it(`every command, subcommand and flag ${name} shows exists`, () => {
      const shown = invocations(markdown);
      expect(shown.length).toBeGreaterThan(10);
      const problems = shown.flatMap((words) => check(words).map((p) => `${words.join(' ')}: ${p}`));
      expect(problems.concat(tableRowProblems(markdown))).toEqual([]);
    });

    it(`${name} documents every exit code, 0 to 7`, () => {
      expect(Object.values(ExitCode).sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      for (const code of Object.values(ExitCode)) expect(markdown, `exit code ${code}`).toMatch(new RegExp(`^\\|\\s*${code}\\s*\\|`, 'm'));
    });
  }

  it("README's settings table has every setting with all its environment variables", () => {
    const rows = new Map(
      docs['README.md']
        .split('\n')
        .map((line) => line.split('|').map((cell) => cell.trim()))
        .filter((cells) => /^`\w+`$/.test(cells[1] ?? ''))
        .map((cells) => [(cells[1] as string).slice(1, -1), cells[2] ?? '']),
    );
    for (const spec of settings) {
      expect(rows.has(spec.key), `setting ${spec.key}`).toBe(true);
      for (const env of spec.env) expect(rows.get(spec.key), `${spec.key}: ${env}`).toContain(`\`${env}\``);
    }
  });

  it("skill.md's front-matter: the package name and version, the node requirement, the real commands", () => {
    const front = parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(docs['skill.md'])?.[1] ?? '') as { name: string; description: string; metadata: Record<string, string> };
    const pkg = JSON.parse(read('package.json')) as { name: string; version: string; engines: { node: string } };
    expect(front.name).toBe(pkg.name);
    expect(front.description.length).toBeGreaterThan(40);
    expect(front.metadata.version).toBe(pkg.version);
    expect(front.metadata.requires?.replace(/\s/g, '')).toBe(`node${pkg.engines.node}`);
    expect(front.metadata.homepage).toMatch(new RegExp(`^https://www\\.npmjs\\.com/package/${pkg.name}$`));
    expect(new Set(front.metadata.commands?.split(' '))).toEqual(new Set([...commandNames].filter((n) => n !== 'help')));
  });

  it('the checker catches a command, a subcommand or a flag that does not exist', () => {
    expect(check(['mine', '--count', '2', '--turbo'])).toHaveLength(1);
    expect(check(['--json', 'frobnicate'])).toHaveLength(1);
    expect(check(['sandbox', 'explode'])).toHaveLength(1);
    expect(check(['--json', 'sandbox', 'up', '--detach'])).toEqual([]);
    expect(tableRowProblems('| `claim` | claims, or `--epoch-list` |')).toHaveLength(1);
  });
});
