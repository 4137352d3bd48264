import { describe, expect, it } from 'vitest';
import { anvilPackageName, resolveAnvilBinary } from '../../../src/sandbox/chain/anvil-binary.js';
import { MinerError } from '../../../src/errors.js';

describe('resolveAnvilBinary', () => {
  it('maps node platforms to the @foundry-rs package names', () => {
    expect(anvilPackageName('linux', 'x64')).toBe('@foundry-rs/anvil-linux-amd64');
    expect(anvilPackageName('darwin', 'arm64')).toBe('@foundry-rs/anvil-darwin-arm64');
    expect(anvilPackageName('win32', 'x64')).toBe('@foundry-rs/anvil-win32-amd64');
  });

  it('finds the installed platform binary', () => {
    expect(resolveAnvilBinary({ PATH: '' })).toMatch(/@foundry-rs[/\\]anvil-[a-z0-9]+-[a-z0-9]+[/\\]bin[/\\]anvil/);
  });

  it('says how to install anvil when no binary exists (npm i --omit=optional)', () => {
    const error = (() => {
      try {
        resolveAnvilBinary({ PATH: '' }, '@foundry-rs/anvil-plan9-mips');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(MinerError);
    expect((error as MinerError).code).toBe('SANDBOX');
    expect((error as MinerError).hint).toContain('npm i @foundry-rs/anvil-plan9-mips');
    expect((error as MinerError).hint).toContain('ANVIL_PATH');
  });

  it('falls back to anvil on PATH when the package is missing', () => {
    const binDir = resolveAnvilBinary({ PATH: '' }).replace(/[/\\]anvil(\.exe)?$/, '');
    expect(resolveAnvilBinary({ PATH: binDir }, '@foundry-rs/anvil-plan9-mips')).toMatch(/anvil$/);
  });

  it('rejects an ANVIL_PATH that is not an executable', () => {
    expect(() => resolveAnvilBinary({ ANVIL_PATH: '/nonexistent/anvil', PATH: '' })).toThrow(/ANVIL_PATH/);
  });
});
