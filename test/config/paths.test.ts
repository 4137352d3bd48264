import { describe, it, expect } from 'vitest';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { configDir, dataDir } from '../../src/config/paths.js';

describe('dataDir / configDir', () => {
  it('honour BOTCOIN_DATA_DIR and BOTCOIN_CONFIG_DIR', () => {
    expect(dataDir({ BOTCOIN_DATA_DIR: '/srv/miner' })).toBe('/srv/miner');
    expect(configDir({ BOTCOIN_CONFIG_DIR: '/etc/miner' })).toBe('/etc/miner');
  });

  it('follow XDG on Linux', () => {
    expect(dataDir({}, 'linux')).toBe(join(homedir(), '.local', 'share', 'botcoin-miner'));
    expect(dataDir({ XDG_DATA_HOME: '/x/data' }, 'linux')).toBe('/x/data/botcoin-miner');
    expect(configDir({ XDG_CONFIG_HOME: '/x/config' }, 'linux')).toBe('/x/config/botcoin-miner');
  });

  it('use the platform folders on macOS and Windows', () => {
    expect(dataDir({}, 'darwin')).toBe(join(homedir(), 'Library', 'Application Support', 'botcoin-miner'));
    expect(configDir({}, 'darwin')).toBe(join(homedir(), 'Library', 'Preferences', 'botcoin-miner'));
    expect(dataDir({ LOCALAPPDATA: 'L' }, 'win32')).toBe(join('L', 'botcoin-miner', 'Data'));
    expect(configDir({ APPDATA: 'A' }, 'win32')).toBe(join('A', 'botcoin-miner', 'Config'));
  });
});
