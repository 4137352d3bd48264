// The committed schemas/*.schema.json are what `npm run schemas` would write from the zod
// schemas in src/cli/schemas: a changed output shape without re-exported files fails here.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import { schemaFiles } from '../../../src/cli/schemas/index.js';
import { repoRoot } from '../../support/cli.js';

const dir = join(repoRoot, 'schemas');

describe('the published --json schemas', () => {
  it('are fresh: every file is exactly what `npm run schemas` writes, and nothing else is there', () => {
    const expected = schemaFiles();
    const committed = readdirSync(dir).filter((name) => name.endsWith('.schema.json')).sort();
    expect(committed).toEqual(Object.keys(expected).sort());
    for (const [name, content] of Object.entries(expected)) {
      expect(readFileSync(join(dir, name), 'utf8'), `${name} is stale: run \`npm run schemas\``).toBe(content);
    }
  });

  it('each compiles as a JSON Schema and rejects a document of the wrong shape', () => {
    const validator = new AjvJsonSchemaValidator();
    for (const name of Object.keys(schemaFiles())) {
      const validate = validator.getValidator(JSON.parse(readFileSync(join(dir, name), 'utf8')) as object);
      expect(validate({ unexpected: true }).valid, name).toBe(false);
    }
  });
});
