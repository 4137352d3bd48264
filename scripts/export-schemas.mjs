// Writes the published --json output schemas to schemas/<name>.schema.json from the zod schemas
// in src/cli/schemas (via the build in dist/). `npm run schemas` builds first; the test
// test/cli/schemas/published.test.ts fails when the committed files are stale.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { schemaFiles } = await import(new URL('../dist/cli/schemas/index.js', import.meta.url).href);
const dir = join(root, 'schemas');
mkdirSync(dir, { recursive: true });
const files = schemaFiles();
// A document that was removed must not linger as a published schema.
for (const name of readdirSync(dir)) if (name.endsWith('.schema.json') && !(name in files)) rmSync(join(dir, name));
for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
console.log(`wrote ${Object.keys(files).length} schemas to ${dir}`);
