import { describe, expect, it } from 'vitest';
import { composeServices } from '../../../../main/compose';
import { CHANNEL_NAMES } from '../../../../shared/ipc/contract';
import { useTempDirs } from '../../../support/temp-dir';

const tempDir = useTempDirs();
const quietLog = { error: () => undefined };

function services() {
  return composeServices({ dataDir: tempDir(), host: 'web', version: 'test' });
}

describe('the contract dispatcher', () => {
  it('answers a valid request with {ok: true, value}', async () => {
    const s = services();
    const result = await s.dispatcher.dispatch('library.list', {});
    expect(result.ok).toBe(true);
    s.dispose();
  });

  it('refuses an unknown channel with UNKNOWN_CHANNEL', async () => {
    const s = services();
    await expect(s.dispatcher.dispatch('library.drop_all', {})).resolves.toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    await expect(s.dispatcher.dispatch({ toString: 1 }, {})).resolves.toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    await expect(s.dispatcher.dispatch('__proto__', {})).resolves.toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    s.dispose();
  });

  it('refuses a missing or wrongly typed field with BAD_REQUEST naming the field', async () => {
    const s = services();
    const missing = await s.dispatcher.dispatch('library.get', {});
    expect(missing).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(!missing.ok && missing.error.message).toContain('id');
    const wrong = await s.dispatcher.dispatch('library.create', { name: 42, from: { kind: 'blank' } });
    expect(!wrong.ok && wrong.error.message).toContain('name');
    const badKind = await s.dispatcher.dispatch('library.create', { name: 'x', from: { kind: 'ftp' } });
    expect(badKind).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    s.dispose();
  });

  it('refuses an empty name and a 10 MB name without touching the library', async () => {
    const s = services();
    const before = s.library.list({}).length;
    for (const name of ['', '   ', 'x'.repeat(10 * 1024 * 1024)]) {
      const r = await s.dispatcher.dispatch('library.create', { name, from: { kind: 'blank' } });
      expect(r).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
      expect(!r.ok && r.error.message.length).toBeLessThan(500);
    }
    expect(s.library.list({})).toHaveLength(before);
    s.dispose();
  });

  it('turns a service error into its code and an unexpected throw into INTERNAL', async () => {
    const s = services();
    await expect(s.dispatcher.dispatch('library.get', { id: 'nope' })).resolves.toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const { Dispatcher } = await import('../../../../main/ipc/dispatcher');
    const handlers = Object.fromEntries(
      CHANNEL_NAMES.map((c) => [
        c,
        () => {
          throw new TypeError('boom');
        },
      ]),
    );
    const d = new Dispatcher(handlers as never, quietLog);
    await expect(d.dispatch('library.list', {})).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('boom') } });
    s.dispose();
  });

  it('answers SQLite\'s "database is locked" from a single write as DB_BUSY in words, not INTERNAL', async () => {
    const { Dispatcher } = await import('../../../../main/ipc/dispatcher');
    const locked = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    const handlers = Object.fromEntries(
      CHANNEL_NAMES.map((c) => [
        c,
        () => {
          throw locked;
        },
      ]),
    );
    const d = new Dispatcher(handlers as never, quietLog);
    await expect(d.dispatch('library.list', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'DB_BUSY', message: expect.stringMatching(/locked by another program/) },
    });
  });

  it('has a handler for every channel of the contract', () => {
    const s = services();
    // The HandlerTable type enforces this at compile time; this guards the spread order at run time.
    for (const channel of CHANNEL_NAMES) expect(typeof (s.dispatcher as unknown as { handlers: Record<string, unknown> }).handlers[channel]).toBe('function');
    s.dispose();
  });
});
