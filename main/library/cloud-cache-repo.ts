// The offline cache: the last stacks, events and resources the cloud sent,
// each with when it was fetched. Writes only add or replace what a fetch
// returned, so a failed fetch never removes anything already cached.
import type { HeatEvent, HeatResource, StackDetails, StackSummary } from '../../shared/cloud/heat-types';
import { trailingMarker, type EventStamp } from '../../shared/cloud/event-overlap';
import type { Db } from './database';
import { writeTransaction } from './write-transaction';

export interface Cached<T> {
  value: T;
  fetchedAt: string | null;
}

export class CloudCacheRepo {
  constructor(private readonly db: Db) {}

  /** A full list replaces which stacks are listed; stacks seen before stay (with their events) but unlisted. */
  saveStackList(profileId: string, stacks: StackSummary[], now: string, complete: boolean): void {
    writeTransaction(this.db, () => {
      if (complete) this.db.prepare('UPDATE cloud_stacks SET listed = 0 WHERE profile_id = ?').run(profileId);
      const up = this.db.prepare(
        `INSERT INTO cloud_stacks (profile_id, stack_id, stack_name, status, summary, listed, fetched_at) VALUES (?, ?, ?, ?, ?, 1, ?)
         ON CONFLICT(profile_id, stack_id) DO UPDATE SET stack_name = excluded.stack_name, status = excluded.status,
           summary = excluded.summary, listed = 1, fetched_at = excluded.fetched_at`,
      );
      for (const s of stacks) up.run(profileId, s.id, s.stack_name, s.stack_status, JSON.stringify(s), now);
      if (complete) {
        this.db
          .prepare(
            'INSERT INTO cloud_stack_lists (profile_id, fetched_at) VALUES (?, ?) ON CONFLICT(profile_id) DO UPDATE SET fetched_at = excluded.fetched_at',
          )
          .run(profileId, now);
      }
    });
  }

  stackList(profileId: string): Cached<StackSummary[]> {
    const rows = this.db.prepare('SELECT summary FROM cloud_stacks WHERE profile_id = ? AND listed = 1 ORDER BY stack_name').all(profileId) as {
      summary: string;
    }[];
    const at = this.db.prepare('SELECT fetched_at FROM cloud_stack_lists WHERE profile_id = ?').get(profileId) as { fetched_at: string } | undefined;
    return { value: rows.map((r) => JSON.parse(r.summary) as StackSummary), fetchedAt: at?.fetched_at ?? null };
  }

  saveStack(profileId: string, stack: StackDetails, now: string): void {
    this.db
      .prepare(
        `INSERT INTO cloud_stacks (profile_id, stack_id, stack_name, status, summary, details, listed, fetched_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?)
         ON CONFLICT(profile_id, stack_id) DO UPDATE SET stack_name = excluded.stack_name, status = excluded.status,
           summary = excluded.summary, details = excluded.details, fetched_at = excluded.fetched_at`,
      )
      .run(profileId, stack.id, stack.stack_name, stack.stack_status, JSON.stringify(stack), JSON.stringify(stack), now);
  }

  /** Makes sure a stack row exists (events and resources hang off it). */
  ensureStack(profileId: string, stackId: string, stackName: string, status: string, now: string): void {
    this.db
      .prepare(
        `INSERT INTO cloud_stacks (profile_id, stack_id, stack_name, status, summary, listed, fetched_at) VALUES (?, ?, ?, ?, ?, 0, ?)
         ON CONFLICT(profile_id, stack_id) DO NOTHING`,
      )
      .run(profileId, stackId, stackName, status, JSON.stringify({ id: stackId, stack_name: stackName, stack_status: status }), now);
  }

  setStackStatus(profileId: string, stackId: string, status: string, now: string): void {
    this.db
      .prepare(
        `UPDATE cloud_stacks SET status = ?, summary = json_set(summary, '$.stack_status', ?),
           details = CASE WHEN details IS NULL THEN NULL ELSE json_set(details, '$.stack_status', ?) END, fetched_at = ?
         WHERE profile_id = ? AND stack_id = ?`,
      )
      .run(status, status, status, now, profileId, stackId);
  }

  /** The last status seen for a stack, from a list, a show or the watcher; null if never seen. */
  stackStatus(profileId: string, stackId: string): { status: string; fetchedAt: string } | null {
    const row = this.db.prepare('SELECT status, fetched_at FROM cloud_stacks WHERE profile_id = ? AND stack_id = ?').get(profileId, stackId) as
      { status: string; fetched_at: string } | undefined;
    return row ? { status: row.status, fetchedAt: row.fetched_at } : null;
  }

  stack(profileId: string, stackId: string): Cached<StackDetails | null> {
    const row = this.db.prepare('SELECT details, fetched_at FROM cloud_stacks WHERE profile_id = ? AND stack_id = ?').get(profileId, stackId) as
      { details: string | null; fetched_at: string } | undefined;
    return { value: row?.details ? (JSON.parse(row.details) as StackDetails) : null, fetchedAt: row?.fetched_at ?? null };
  }

  /** Appends events in the order given (ascending); events already cached are left as they are. */
  appendEvents(profileId: string, stackId: string, events: HeatEvent[], now: string): number {
    if (events.length === 0) return 0;
    return writeTransaction(this.db, () => {
      const max = this.db.prepare('SELECT COALESCE(MAX(seq), 0) AS m FROM cloud_events WHERE profile_id = ? AND stack_id = ?').get(profileId, stackId) as {
        m: number;
      };
      let seq = max.m;
      let added = 0;
      const ins = this.db.prepare(
        `INSERT INTO cloud_events (profile_id, stack_id, event_id, seq, event_time, data, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT DO NOTHING`,
      );
      for (const e of events) added += ins.run(profileId, stackId, e.id, ++seq, e.event_time, JSON.stringify(e), now).changes;
      return added;
    });
  }

  events(profileId: string, stackId: string): Cached<HeatEvent[]> {
    const rows = this.db
      // By event time, not by arrival: an event Heat committed late arrives after newer ones.
      .prepare('SELECT data, fetched_at FROM cloud_events WHERE profile_id = ? AND stack_id = ? ORDER BY event_time, seq')
      .all(profileId, stackId) as { data: string; fetched_at: string }[];
    const fetchedAt = rows.reduce<string | null>((latest, r) => (latest === null || r.fetched_at > latest ? r.fetched_at : latest), null);
    return { value: rows.map((r) => JSON.parse(r.data) as HeatEvent), fetchedAt };
  }

  /**
   * The cached event to resume Heat's event list after. It trails the newest
   * cached event by a few seconds (shared/cloud/event-overlap.ts), because
   * Heat can commit an event after a newer one was listed.
   */
  resumeMarker(profileId: string, stackId: string): string | null {
    const newestFirst = this.db
      .prepare('SELECT event_id AS id, event_time FROM cloud_events WHERE profile_id = ? AND stack_id = ? ORDER BY event_time DESC, seq DESC LIMIT 500')
      .all(profileId, stackId) as EventStamp[];
    return trailingMarker(newestFirst.reverse(), null);
  }

  /** Replaces the resource set of a stack with a complete fetch. */
  saveResources(profileId: string, stackId: string, resources: HeatResource[], now: string): void {
    writeTransaction(this.db, () => {
      this.db.prepare('DELETE FROM cloud_resources WHERE profile_id = ? AND stack_id = ?').run(profileId, stackId);
      const ins = this.db.prepare('INSERT OR REPLACE INTO cloud_resources (profile_id, stack_id, resource_key, data, fetched_at) VALUES (?, ?, ?, ?, ?)');
      for (const r of resources) ins.run(profileId, stackId, resourceKey(r), JSON.stringify(r), now);
    });
  }

  resources(profileId: string, stackId: string): Cached<HeatResource[]> {
    const rows = this.db
      .prepare('SELECT data, fetched_at FROM cloud_resources WHERE profile_id = ? AND stack_id = ? ORDER BY resource_key')
      .all(profileId, stackId) as { data: string; fetched_at: string }[];
    return { value: rows.map((r) => JSON.parse(r.data) as HeatResource), fetchedAt: rows[0]?.fetched_at ?? null };
  }
}

/** Nested stacks reuse resource names: the owning stack (from its link) keeps keys unique. */
export function resourceKey(r: Pick<HeatResource, 'resource_name' | 'links'>): string {
  const stackHref = r.links?.find((l) => l.rel === 'stack')?.href ?? '';
  return `${stackHref.split('/').filter(Boolean).at(-1) ?? ''}/${r.resource_name}`;
}
