// Domain data (generator libraries, ABIs, address books, prompt templates) lives as JSON/MD
// beside the code that reads it; tsc does not copy non-TS files, so the build does.
import { cpSync, readdirSync, statSync, mkdirSync } from 'node:fs';
import { join, relative, dirname, extname } from 'node:path';

const SRC = 'src';
const OUT = 'dist';
const DATA_EXTENSIONS = new Set(['.json', '.md', '.txt']);

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (DATA_EXTENSIONS.has(extname(name))) {
      const target = join(OUT, relative(SRC, path));
      mkdirSync(dirname(target), { recursive: true });
      cpSync(path, target);
    }
  }
}
walk(SRC);
