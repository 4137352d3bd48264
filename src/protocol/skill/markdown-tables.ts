/** A pipe table from Markdown: header cells and body rows, cells trimmed. */
export interface MarkdownTable {
  header: string[];
  rows: string[][];
}

const SEPARATOR = /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/** Every pipe table (a header row followed by a `|---|` separator row) in the text. */
export function markdownTables(markdown: string): MarkdownTable[] {
  const lines = markdown.split(/\r?\n/);
  const tables: MarkdownTable[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const head = lines[i] as string;
    if (!head.trim().startsWith('|') || !SEPARATOR.test((lines[i + 1] as string).trim())) continue;
    const rows: string[][] = [];
    let j = i + 2;
    for (; j < lines.length && (lines[j] as string).trim().startsWith('|'); j++) rows.push(cells(lines[j] as string));
    tables.push({ header: cells(head), rows });
    i = j - 1;
  }
  return tables;
}

/** The text a reader sees in a cell: no backticks, emphasis or link targets. */
export function plainCell(cell: string): string {
  return cell
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*]/g, '')
    .trim();
}

function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((cell) => cell.trim());
}
