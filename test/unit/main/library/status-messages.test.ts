// A template's status reason is stored as a message key (migration 009), so
// the UI words it in the reader's language; reasons stored before that are
// re-derived on open when the checker gives the very same reason.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase } from '../../../../main/library/database';
import { EventBus } from '../../../../main/events/event-bus';
import { LibraryService } from '../../../../main/library/library-service';
import { TemplateRepo } from '../../../../main/library/template-repo';
import { hotChecker } from '../../../../shared/library/offline-status';
import { wordMessage } from '../../../../shared/messages/word';
import { useTempDirs } from '../../../support/temp-dir';

const tempDir = useTempDirs();

const BROKEN = 'heat_template_version: 2018-08-31\nresources:\n  r:\n    type: OS::Heat::Value\n    properties:\n      value: {get_param: nope}\n';

function open(path: string) {
  const { db } = openDatabase(path);
  return { db, library: new LibraryService(new TemplateRepo(db), hotChecker, new EventBus()) };
}

describe('status reasons as messages', () => {
  it('stores the reason as a key with parameters beside its English text, worded in Chinese by the reader', () => {
    const { library, db } = open(join(tempDir(), 'library.sqlite'));
    const t = library.create({ name: 'broken', description: '', tags: [], from: { kind: 'yaml', yaml: BROKEN } });
    expect(t.status).toBe('needs_editing');
    expect(t.statusReason).toBe('line 6, column 26: get_param refers to "nope", which is not a declared parameter.');
    expect(t.statusMsg?.key).toBe('status.at');
    expect(wordMessage(t.statusMsg!, 'zh-CN')).toBe('第 6 行，第 26 列：get_param 引用了 "nope"，但它不是已声明的参数。');
    expect(library.get(t.id).statusMsg).toEqual(t.statusMsg);
    db.close();
  });

  it('re-derives the message of a reason stored before migration 009, and leaves reasons from elsewhere as text', () => {
    const path = join(tempDir(), 'library.sqlite');
    const first = open(path);
    const derivable = first.library.create({ name: 'old', description: '', tags: [], from: { kind: 'yaml', yaml: BROKEN } });
    const fromHeat = first.library.create({ name: 'heat-said', description: '', tags: [], from: { kind: 'yaml', yaml: BROKEN } });
    first.library.recordStatus(fromHeat.id, 'needs_editing', 'Heat: The Parameter (nope) was not provided.');
    // As an older studio left them: English only, no message.
    first.db.prepare('UPDATE templates SET status_msg = NULL').run();
    const before = first.library.get(derivable.id).updatedAt;
    first.db.close();

    const again = open(path);
    expect(again.library.rewordStatuses()).toBe(1);
    const reworded = again.library.get(derivable.id);
    expect(reworded.statusMsg?.key).toBe('status.at');
    expect(reworded.statusReason).toBe(derivable.statusReason);
    expect(reworded.updatedAt).toBe(before);
    const kept = again.library.get(fromHeat.id);
    expect(kept.statusMsg).toBeNull();
    expect(kept.statusReason).toBe('Heat: The Parameter (nope) was not provided.');
    expect(again.library.rewordStatuses()).toBe(0);
    again.db.close();
  });
});
