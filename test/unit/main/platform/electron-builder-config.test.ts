import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
// electron-builder's own validator (app-builder-lib), the one `electron-builder` runs before packaging.
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';

describe('electron-builder.yml', () => {
  const config = parse(readFileSync('electron-builder.yml', 'utf8')) as Record<string, unknown>;

  it("passes electron-builder's own schema validation", async () => {
    await expect(validateConfiguration(config as never, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('targets AppImage and deb on Linux, NSIS on Windows and dmg on macOS', () => {
    expect((config.linux as { target: string[] }).target).toEqual(['AppImage', 'deb']);
    expect((config.win as { target: string[] }).target).toEqual(['nsis']);
    expect((config.mac as { target: string[] }).target).toEqual(['dmg']);
  });

  it('unpacks the native SQLite module from the asar archive', () => {
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
  });

  // A packaged app without these can be run as plain Node, fed NODE_OPTIONS or --inspect, or
  // loaded from an unpacked app folder; each fuse is named so a dropped one fails here.
  it.each([
    ['runAsNode', false],
    ['enableNodeOptionsEnvironmentVariable', false],
    ['enableNodeCliInspectArguments', false],
    ['onlyLoadAppFromAsar', true],
    ['enableEmbeddedAsarIntegrityValidation', true],
    ['enableCookieEncryption', true],
    ['grantFileProtocolExtraPrivileges', false],
  ] as const)('sets the Electron fuse %s to %s', (fuse, value) => {
    expect((config.electronFuses as Record<string, unknown> | undefined)?.[fuse]).toBe(value);
  });

  it('packs the app into an asar archive, which onlyLoadAppFromAsar requires', () => {
    expect(config.asar).toBe(true);
  });

  it('flips the fuses with the @electron/fuses that electron-builder loads, which knows each of them', async () => {
    const { FuseV1Options } = await import('@electron/fuses');
    for (const name of [
      'RunAsNode',
      'EnableNodeOptionsEnvironmentVariable',
      'EnableNodeCliInspectArguments',
      'OnlyLoadAppFromAsar',
      'EnableEmbeddedAsarIntegrityValidation',
      'EnableCookieEncryption',
      'GrantFileProtocolExtraPrivileges',
    ]) {
      expect(FuseV1Options[name as keyof typeof FuseV1Options], name).toBeTypeOf('number');
    }
  });

  it('rejects a configuration with an unknown key, so the check above can fail', async () => {
    await expect(validateConfiguration({ ...config, notAKey: 1 } as never, new DebugLogger(false))).rejects.toThrow();
  });
});
