import { mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { repoRoot } from '../../support/cli.js';

/**
 * Our TypeScript, runnable by a plain `node` child (Node 20 cannot strip types itself, and
 * `dist/` may not be built): transpiles `entry` and every module it imports relatively into a
 * temp tree that mirrors the repo, with `node_modules` linked so `zod` resolves. Type
 * stripping only: the child runs exactly the code under test.
 */
export async function compileForChild(entry: string): Promise<{ root: string; modulePath: (source: string) => string }> {
  const root = await mkdtemp(join(tmpdir(), 'botcoin-child-'));
  await writeFile(join(root, 'package.json'), '{"type":"module"}\n');
  await symlink(join(repoRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
  const pending = [resolve(repoRoot, entry)];
  const done = new Set<string>();
  while (pending.length > 0) {
    const source = pending.pop() as string;
    if (done.has(source)) continue;
    done.add(source);
    const text = await readFile(source, 'utf8');
    const { outputText } = ts.transpileModule(text, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
      fileName: source,
    });
    const target = join(root, relative(repoRoot, source)).replace(/\.ts$/, '.js');
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, outputText);
    for (const match of outputText.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)\.js['"]/g)) {
      pending.push(resolve(dirname(source), `${match[1]}.ts`));
    }
  }
  return { root, modulePath: (source) => join(root, source).replace(/\.ts$/, '.js') };
}
