import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { allowListFor, findAllowed } from '../../../src/protocol/skill/allow-list.js';
import { builtInAddressBook } from '../../../src/chain/addresses/built-in.js';
import { parseSkillFile } from '../../../src/protocol/skill/parse.js';

const builtIn = builtInAddressBook(8453);
const skill = parseSkillFile(
  readFileSync(new URL('../../fixtures/skill/production-skill.md', import.meta.url), 'utf8'),
  'https://coordinator.agentmoney.net/.well-known/skill.md',
);
const sandbox = { chainId: 31337, contracts: [{ name: 'BotcoinMiningRigsV1', address: '0x5FbDB2315678afecb367f032d93F642f64180aa3' }] };

describe('allowListFor', () => {
  it('merges the built-in table and the skill table, one entry per address with every name and source', () => {
    const list = allowListFor(8453, { builtIn, skill });
    expect(list.chainId).toBe(8453);
    expect(list.entries).toHaveLength(9);
    expect(findAllowed(list, '0x25c448101c36d7306ed8053b96b090bb56a87b07')).toEqual({
      address: '0x25C448101C36d7306Ed8053B96b090bb56a87B07',
      names: ['BOTCOIN (rig era)', 'BOTCOIN'],
      sources: ['built-in', 'skill'],
    });
    expect(findAllowed(list, '0xB2fbe0DB5A99B4E2Dd294dE64cEd82740b53A2Ea')?.sources).toEqual(['built-in']);
  });

  it('lets the skill file add an address the built-in table lacks', () => {
    const updated = { chainId: 8453, contracts: [{ name: 'BotcoinMiningRigsV2', address: '0x000000000000000000000000000000000000dEaD' as const }] };
    const list = allowListFor(8453, { builtIn, skill: updated });
    expect(findAllowed(list, '0x000000000000000000000000000000000000dead')).toMatchObject({ names: ['BotcoinMiningRigsV2'], sources: ['skill'] });
  });

  it('uses only the sources for the requested chain', () => {
    const local = allowListFor(31337, { builtIn, skill, sandbox });
    expect(local.entries).toEqual([{ address: '0x5FbDB2315678afecb367f032d93F642f64180aa3', names: ['BotcoinMiningRigsV1'], sources: ['sandbox'] }]);
    expect(findAllowed(local, '0xB61BC7487424172CB9fa9dD381a9eC06C7067dCd')).toBeUndefined();
    const mainnet = allowListFor(8453, { builtIn, sandbox });
    expect(findAllowed(mainnet, '0x5FbDB2315678afecb367f032d93F642f64180aa3')).toBeUndefined();
  });

  it('accepts a skill table of unknown chain for the chain the caller asks about', () => {
    const list = allowListFor(31337, { builtIn: undefined, skill: { contracts: sandbox.contracts.map((c) => ({ name: c.name, address: c.address as `0x${string}` })) } });
    expect(list.entries).toHaveLength(1);
  });

  it('finds nothing for addresses not listed or not addresses at all', () => {
    const list = allowListFor(8453, { builtIn });
    expect(findAllowed(list, '0x0000000000000000000000000000000000000001')).toBeUndefined();
    expect(findAllowed(list, 'not-an-address')).toBeUndefined();
  });
});
