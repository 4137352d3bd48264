import { startScriptedServer, type ScriptedServer } from '../../support/scripted-http-server.js';

/** A real loopback server with `markdown` at /.well-known/skill.md and 404 elsewhere. */
export function serveSkill(markdown: string): Promise<ScriptedServer> {
  return startScriptedServer((request) =>
    request.path === '/.well-known/skill.md'
      ? { status: 200, headers: { 'content-type': 'text/markdown; charset=utf-8' }, body: markdown }
      : { status: 404, body: { error: 'not_found' } },
  );
}
