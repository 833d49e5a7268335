// The root README's layout table is where a newcomer looks for a subject:
// every folder of shared/ has its row, so a new one cannot go unlisted.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';

describe('root README layout table', () => {
  it('lists every folder of shared/', () => {
    const readme = readFileSync('README.md', 'utf8');
    const folders = readdirSync('shared', { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect(folders.length).toBeGreaterThan(0);
    expect(folders.filter((name) => !readme.includes(`| \`shared/${name}/\` |`))).toEqual([]);
  });
});
