// What the renderer's sources actually ask of the main process: every quoted
// string that is a contract channel name (invoke calls, and any literal map
// of names), and every event name subscribed to with `.on('x.y', ...)`. The
// preload's allow-list is checked against this, so it cannot drift.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function rendererSources(root = 'renderer'): Array<{ file: string; text: string }> {
  const out: Array<{ file: string; text: string }> = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|vue)$/.test(name)) out.push({ file: path, text: readFileSync(path, 'utf8') });
    }
  };
  walk(root);
  return out;
}

export function channelsUsed(sources: Array<{ text: string }>, channelNames: readonly string[]): Set<string> {
  const known = new Set(channelNames);
  const used = new Set<string>();
  for (const { text } of sources) for (const m of text.matchAll(/['"]([a-z]+(?:\.[a-zA-Z]+)+)['"]/g)) if (known.has(m[1]!)) used.add(m[1]!);
  return used;
}

/** Template literals that build a channel name (`cloud.stacks.${x}`), which the scan above cannot see. */
export function builtChannelNames(sources: Array<{ file: string; text: string }>, channelNames: readonly string[]): string[] {
  const domains = [...new Set(channelNames.map((c) => c.split('.')[0]!))].join('|');
  const built = new RegExp('`(?:' + domains + ')\\.[^`]*\\$\\{', 'g');
  return sources.flatMap(({ file, text }) => [...text.matchAll(built)].map((m) => `${file}: ${m[0]}`));
}

export function eventsSubscribed(sources: Array<{ text: string }>): Set<string> {
  const used = new Set<string>();
  for (const { text } of sources) for (const m of text.matchAll(/\.on\(\s*['"]([a-z]+\.[a-zA-Z.]+)['"]/g)) used.add(m[1]!);
  return used;
}
