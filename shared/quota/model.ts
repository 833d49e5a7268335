// A project's quota as the studio knows it: per service, each kind's limit
// and usage, where it came from, and whether it is fresh, the last known
// (stale, with its time) or unknown with the reason.
import type { FlavorSize } from './count';
import type { QuotaKind, QuotaService } from './kinds';

/** One kind: the limit (-1 = unlimited) and what the project uses; null when the API did not say. */
export interface KindQuota {
  limit: number | null;
  used: number | null;
}

/** Which API answered: the quota API with usage, the project-readable /limits, or limits plus counting the project's resources. */
export type QuotaSource = 'quota-detail' | 'limits' | 'quota+listing' | 'listing';

export type ServiceProblemCode =
  | 'no-service' // the catalog has no such service in this region
  | 'forbidden' // the quota API and every fallback answered 403
  | 'unreachable' // connection refused, timeout, 5xx
  | 'error' // any other failure (bad answer ...)
  | 'never-read'; // offline and nothing read before

export interface ServiceProblem {
  code: ServiceProblemCode;
  /** English, naming the service, the API and what it said; the renderer translates by code. */
  message: string;
}

export interface ServiceQuota {
  service: QuotaService;
  /** fresh: read now; stale: the last known (this read failed); unknown: nothing to go on. */
  state: 'fresh' | 'stale' | 'unknown';
  source: QuotaSource | null;
  fetchedAt: string | null;
  /** Why stale or unknown; a fresh answer may carry a note too (e.g. a fallback was used). */
  problem: ServiceProblem | null;
  kinds: Partial<Record<QuotaKind, KindQuota>>;
}

export interface QuotaReport {
  profileId: string;
  projectId: string | null;
  region: string | null;
  /** When this report was put together (the read attempt). */
  readAt: string;
  services: Record<QuotaService, ServiceQuota>;
  /** The cloud's flavors (for cores and RAM), null when never read. */
  flavors: FlavorSize[] | null;
  flavorsState: 'fresh' | 'stale' | 'unknown';
  flavorsFetchedAt: string | null;
}
