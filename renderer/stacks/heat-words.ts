// Heat's own words in the reader's language (issue 16): the action of an
// event (CREATE, UPDATE …) and the reasons Heat writes on every stack and
// event ("state changed", "Stack CREATE completed successfully"). Heat sends
// them in English; the common ones have a fixed form and are re-worded here.
// Any other reason (a resource's own failure text) is shown as Heat wrote
// it, marked as English (lang="en") by the caller.

/** Heat's resource and stack actions (heat/engine/resource.py ACTIONS). */
export const HEAT_ACTIONS = ['INIT', 'CREATE', 'DELETE', 'UPDATE', 'ROLLBACK', 'SUSPEND', 'RESUME', 'ADOPT', 'SNAPSHOT', 'CHECK', 'RESTORE'] as const;

type Translate = (key: string, params?: Record<string, unknown>) => string;

/** The action in words, or as Heat wrote it when Heat adds one this list lacks. */
export function heatAction(action: string, t: Translate): string {
  return (HEAT_ACTIONS as readonly string[]).includes(action) ? t(`deploy.heat.action.${action}`) : action;
}

/** Heat's fixed reason forms (heat/engine/stack.py and resource.py), each with its key. */
const REASONS: { pattern: RegExp; key: string }[] = [
  { pattern: /^state changed$/, key: 'stateChanged' },
  { pattern: /^Stack (\w+) started$/, key: 'stackStarted' },
  { pattern: /^Stack (\w+) completed successfully$/, key: 'stackCompleted' },
  { pattern: /^Stack (\w+) failed: ([\s\S]+)$/, key: 'stackFailed' },
  { pattern: /^Resource (\w+) failed: ([\s\S]+)$/, key: 'resourceFailed' },
];

export interface WordedReason {
  /** The reason in the reader's words, with Heat's own detail (if any) kept as it came. */
  text: string;
  /** Heat's detail (a failure's message): English from the cloud, to mark as such. */
  heatDetail: string | null;
  /** True when no fixed form matched: `text` is Heat's English as it came. */
  asHeatWrote: boolean;
}

export function heatReason(reason: string | null | undefined, t: Translate): WordedReason | null {
  if (!reason) return null;
  for (const { pattern, key } of REASONS) {
    const m = pattern.exec(reason.trim());
    if (!m) continue;
    const detail = m[2] ?? null;
    return { text: t(`deploy.heat.reason.${key}`, { action: m[1] ? heatAction(m[1], t) : '' }), heatDetail: detail, asHeatWrote: false };
  }
  return { text: reason, heatDetail: null, asHeatWrote: true };
}
