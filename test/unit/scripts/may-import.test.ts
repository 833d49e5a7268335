// The lint rule reads each folder README's "May import" sentence; these are the shapes the READMEs use.
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script with no type declarations
import { mayImportList } from '../../../scripts/lint/may-import.mjs';

describe('mayImportList', () => {
  it('takes the backticked names up to the sentence end, not past it', () => {
    expect(mayImportList('Intro.\n\nMay import: `shared/`, `main/cloud` (types), `node:*`. Never `electron`.')).toEqual(['shared/', 'main/cloud', 'node:*']);
  });

  it('keeps a file name whose dot sits inside backticks, and reads across a line break', () => {
    expect(mayImportList('May import: `zod`, `shared/topology/existing.ts` (the marker),\n`shared/hot`. Never Node.')).toEqual([
      'zod',
      'shared/topology/existing.ts',
      'shared/hot',
    ]);
  });

  it('reads the "May import only" wording, and is null for a README without the line', () => {
    expect(mayImportList('May import only `yaml` and its own files.')).toEqual(['yaml']);
    expect(mayImportList('# A folder\n\nNo boundary here.')).toBeNull();
  });
});
