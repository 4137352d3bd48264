/** The challenge generator's public API (briefing "Module APIs"). */
import { domainNames, loadDomain } from './library.js';

export { generateChallenge, GENERATOR_VERSION, type GeneratedChallenge } from './generate.js';
export { manifestHash } from './manifest.js';

export function listDomains(): Array<{ name: string; entityNoun: string; description: string; tags: string[] }> {
  return domainNames().map((name) => {
    const lib = loadDomain(name);
    return { name: lib.name, entityNoun: lib.entityNoun, description: lib.description, tags: [...lib.tags] };
  });
}
