// The preload exposes RENDERER_CHANNELS and RENDERER_EVENTS, not the whole
// contract. They must be exactly what the renderer's sources use: a channel
// the UI never calls would be reachable by a compromised page for nothing,
// and one it calls but the list lacks would break the desktop app only.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../../../shared/ipc/contract';
import { RENDERER_CHANNELS, RENDERER_EVENTS } from '../../../../shared/ipc/renderer-surface';
import { channelsUsed, eventsSubscribed, rendererSources } from '../../../support/renderer-scan';

const sources = rendererSources();

describe("the preload's allow-list", () => {
  it('equals the set of channel names the renderer spells', () => {
    expect([...RENDERER_CHANNELS].sort()).toEqual([...channelsUsed(sources, CHANNEL_NAMES)].sort());
  });

  it('is smaller than the contract (the CLI and tests use channels the UI does not)', () => {
    expect(RENDERER_CHANNELS.length).toBeLessThan(CHANNEL_NAMES.length);
    expect(RENDERER_CHANNELS).not.toContain('cloud.stacks.create');
  });

  it('can see every channel: each api.invoke names its channel as a literal, or through a const map of literals', () => {
    const opaque: string[] = [];
    for (const { file, text } of sources) {
      for (const m of text.matchAll(/\bapi\.invoke(?:<[^>]*>)?\(\s*([^,)]+)/g)) {
        const arg = m[1]!.trim();
        if (/^'[^']*'$/.test(arg)) continue;
        // NAME[key] or NAME.key, where `const NAME = { k: 'literal', ... } as const` is in the same file.
        const map = /^([A-Z_][A-Z0-9_]*)(?:\[|\.)/.exec(arg)?.[1];
        const block = map ? new RegExp(`const ${map} = \\{([^}]*)\\} as const`).exec(text)?.[1] : undefined;
        const literalsOnly = block !== undefined && block.split(',').every((e) => e.trim() === '' || /^[\w$]+:\s*'[^']*'$/.test(e.trim()));
        if (!literalsOnly) opaque.push(`${file}: api.invoke(${arg}`);
      }
    }
    expect(opaque).toEqual([]);
  });

  it('passes on only the event types the renderer subscribes to', () => {
    expect([...RENDERER_EVENTS].sort()).toEqual([...eventsSubscribed(sources)].sort());
  });

  it('is what the preload and the Electron IPC handler use', () => {
    const preload = readFileSync('main/preload/preload.ts', 'utf8');
    expect(preload).toMatch(/new Set<string>\(RENDERER_CHANNELS\)/);
    expect(preload).toMatch(/new Set<string>\(RENDERER_EVENTS\)/);
    expect(preload).not.toMatch(/CHANNEL_NAMES/);
    expect(readFileSync('main/ipc/electron-ipc.ts', 'utf8')).toMatch(/rendererChannels\.has\(channel\)/);
  });
});
