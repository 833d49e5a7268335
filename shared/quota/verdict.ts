// Used + canvas against the limit, per kind, and what that means for the
// seed's rule (SPEC 1.2): over quota -> save only, no deploy, no app export.
// Unknown never blocks: an unknown limit, usage or count is shown as such.
import type { CanvasCount, UnknownPart } from './count';
import { KIND_SERVICE, QUOTA_KINDS, type QuotaKind, type QuotaService } from './kinds';
import type { QuotaReport, ServiceProblem } from './model';
import { englishText, msg, timeParam, type Message } from '../messages/message';

export type KindState = 'ok' | 'over' | 'unknown';

export interface KindVerdict {
  kind: QuotaKind;
  service: QuotaService;
  state: KindState;
  /** -1 = unlimited; null = unknown. */
  limit: number | null;
  used: number | null;
  /** What the canvas adds for certain. */
  canvas: number;
  /** Canvas parts that cannot be counted offline (the kind's count is unknown if any). */
  canvasUnknown: UnknownPart[];
  /** used + canvas, when used is known. */
  total: number | null;
  /** Does the template create any of this kind (or might it)? */
  relevant: boolean;
  /** The limit/usage is the last known, not read now. */
  stale: boolean;
  /** Why the limit or usage is unknown (or stale). */
  problem: ServiceProblem | null;
}

export interface QuotaCheck {
  state: KindState;
  kinds: KindVerdict[];
}

export function quotaVerdict(count: CanvasCount, report: QuotaReport | null): QuotaCheck {
  const kinds = QUOTA_KINDS.map((kind) => kindVerdict(kind, count, report));
  const relevant = kinds.filter((k) => k.relevant);
  const state: KindState = relevant.some((k) => k.state === 'over') ? 'over' : relevant.some((k) => k.state === 'unknown') ? 'unknown' : 'ok';
  return { state, kinds };
}

function kindVerdict(kind: QuotaKind, count: CanvasCount, report: QuotaReport | null): KindVerdict {
  const service = KIND_SERVICE[kind];
  const s = report?.services[service] ?? null;
  const q = s?.kinds[kind] ?? null;
  const c = count[kind];
  const limit = q?.limit ?? null;
  const used = q?.used ?? null;
  const total = used === null ? null : used + c.known;
  const relevant = c.known > 0 || c.unknown.length > 0;
  const problem = s?.problem ?? (report ? null : { code: 'never-read' as const, message: 'The quota has not been read.' });
  let state: KindState;
  if (limit === -1) state = 'ok';
  else if (limit !== null && total !== null && c.known > 0 && total > limit) state = 'over';
  else if (limit === null || used === null || c.unknown.length > 0) state = 'unknown';
  else state = 'ok';
  return { kind, service, state, limit, used, canvas: c.known, canvasUnknown: c.unknown, total, relevant, stale: s?.state === 'stale', problem };
}

/** "instances 2/1, cores 4/2": the kinds over quota with used+canvas / limit. */
export function overSummary(check: QuotaCheck): string {
  return check.kinds
    .filter((k) => k.relevant && k.state === 'over')
    .map((k) => `${k.kind} ${k.total}/${k.limit}`)
    .join(', ');
}

/** The app export's verdict shape (shared/apps/model.ts QuotaVerdict). */
export function appQuotaVerdict(check: QuotaCheck): { over: boolean; resources: string[] } {
  const over = check.kinds.filter((k) => k.relevant && k.state === 'over');
  return { over: over.length > 0, resources: over.map((k) => `${k.kind} ${k.total}/${k.limit}`) };
}

/** "2026-11-23 08:11 UTC": when a quota was read, in texts main writes (statuses, refusals), where the user's time zone is unknown. */
export function quotaTimeText(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const text = at.toISOString();
  return `${text.slice(0, 10)} ${text.slice(11, 16)} UTC`;
}

/** A library status reason for a template over quota: region, when the quota was read, the kinds and numbers. */
export function overQuotaReason(check: QuotaCheck, report: QuotaReport): string {
  return englishText(overQuotaMessage(check, report));
}

/** The same as a message key (stored with the status, worded in the reader's language). */
export function overQuotaMessage(check: QuotaCheck, report: QuotaReport): Message {
  const params = { at: timeParam(report.readAt), kinds: overSummary(check) };
  return report.region ? msg('status.overQuotaIn', { ...params, region: report.region }) : msg('status.overQuota', params);
}
