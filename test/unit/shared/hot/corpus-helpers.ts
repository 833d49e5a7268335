// Reads the shared corpus (read-only) beside the repo, as CI lays it out.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FileSource } from '../../../../shared/hot/project';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const corpusRoot = path.resolve(repoRoot, '../shared/corpus');

export interface ManifestEntry {
  path: string;
  kind: 'template' | 'environment' | 'cfn' | 'other';
  bytes: number;
}

export function manifest(): ManifestEntry[] {
  return JSON.parse(readFileSync(path.join(corpusRoot, 'manifest.json'), 'utf8')) as ManifestEntry[];
}

export function readCorpus(rel: string): string {
  return readFileSync(path.join(corpusRoot, rel), 'utf8');
}

/** Corpus files by corpus-relative path. */
export const corpusSource: FileSource = {
  read(p: string) {
    const full = path.join(corpusRoot, p);
    if (!full.startsWith(corpusRoot) || !existsSync(full)) return undefined;
    try {
      return readFileSync(full, 'utf8');
    } catch {
      return undefined;
    }
  },
};
