import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, loadWindowState, sanitize, saveWindowState } from '../../../../main/window/window-state';
import { useTempDirs } from '../../../support/temp-dir';

const tempDir = useTempDirs();
const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];

describe('window state', () => {
  it('round-trips size, position and maximized through the data dir', () => {
    const dir = tempDir();
    saveWindowState(dir, { x: 100, y: 80, width: 1400, height: 900, maximized: true });
    expect(loadWindowState(dir, screen)).toEqual({ x: 100, y: 80, width: 1400, height: 900, maximized: true });
  });

  it('drops a position that is on no display any more', () => {
    expect(sanitize({ x: 5000, y: 200, width: 1000, height: 700 }, screen)).toEqual({ width: 1000, height: 700, maximized: false });
  });

  it('falls back to defaults for missing, garbage or absurd values', () => {
    expect(loadWindowState(tempDir(), screen)).toEqual(DEFAULT_STATE);
    expect(sanitize('nonsense', screen)).toEqual(DEFAULT_STATE);
    expect(sanitize({ width: 10, height: 1e9 }, screen)).toEqual(DEFAULT_STATE);
  });
});
