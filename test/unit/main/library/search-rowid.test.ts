// Migration 012 keeps each template's search-index rowid on the template. A
// library indexed before it (index rows found by template_id) is upgraded in
// place: its templates are still found, a new version replaces the old index
// row instead of leaving it behind, and a delete takes the row away.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase } from '../../../../main/library/database';
import { MIGRATIONS } from '../../../../main/library/migrations';
import { EventBus } from '../../../../main/events/event-bus';
import { LibraryService } from '../../../../main/library/library-service';
import { TemplateRepo } from '../../../../main/library/template-repo';
import { hotChecker } from '../../../../shared/library/offline-status';
import { useTempDirs } from '../../../support/temp-dir';

const tempDir = useTempDirs();
const yaml = (word: string) => `heat_template_version: 2018-08-31\ndescription: ${word}\nresources:\n  r: {type: OS::Heat::None}\n`;

describe('search index rowid on the template (migration 012)', () => {
  it('upgrades a library indexed by template_id: still found, re-saved without a stale row, deleted with its row', () => {
    const path = join(tempDir(), 'library.sqlite');
    const old = openDatabase(path, { migrations: MIGRATIONS.slice(0, 10) }).db;
    // Written as the studio before migration 012 wrote them.
    for (const [id, word] of [
      ['a', 'pelican'],
      ['b', 'albatross'],
    ] as const) {
      old
        .prepare(
          "INSERT INTO templates (id, name, description, status, origin, created_at, updated_at) VALUES (?, ?, '', 'usable', 'user', '2026-01-01', '2026-01-01')",
        )
        .run(id, `t-${id}`);
      old.prepare("INSERT INTO template_versions (id, template_id, number, yaml, created_at) VALUES (?, ?, 1, ?, '2026-01-01')").run(`${id}1`, id, yaml(word));
      old
        .prepare("INSERT INTO templates_fts (template_id, name, description, tags, resource_types, yaml) VALUES (?, ?, '', '', 'OS::Heat::None', ?)")
        .run(id, `t-${id}`, yaml(word));
    }
    old.close();

    const { db } = openDatabase(path);
    const library = new LibraryService(new TemplateRepo(db), hotChecker, new EventBus());
    const names = (search: string) => library.list({ search }).map((t) => t.name);
    expect(names('pelican')).toEqual(['t-a']);
    expect(names('albatross')).toEqual(['t-b']);

    library.saveVersion({ id: 'a', yaml: yaml('cormorant'), layout: {}, files: {}, environment: null, note: '' });
    expect(names('cormorant')).toEqual(['t-a']);
    expect(names('pelican')).toEqual([]);
    expect((db.prepare('SELECT COUNT(*) AS n FROM templates_fts').get() as { n: number }).n).toBe(2);

    library.delete('b');
    expect(names('albatross')).toEqual([]);
    expect((db.prepare('SELECT COUNT(*) AS n FROM templates_fts').get() as { n: number }).n).toBe(1);
    db.close();
  });
});
