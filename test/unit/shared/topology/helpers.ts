import { parseTemplate } from '../../../../shared/hot/template';
import type { HotTemplate } from '../../../../shared/hot/template';
import { BLANK_TEMPLATE } from '../../../../shared/library/recommended';
import { drop, connect } from '../../../../shared/topology/actions';
import type { ActionResult } from '../../../../shared/topology/actions';
import { paletteItem } from '../../../../shared/topology/palette';

export const blank = (): HotTemplate => parseTemplate(BLANK_TEMPLATE);

export function ok(r: ActionResult): HotTemplate {
  if (!r.ok) throw new Error(`refused: ${r.reason}`);
  return r.template;
}

/** Drops a palette item by id and returns the template (throws on refusal). */
export function dropped(t: HotTemplate, id: string, on: string | null = null): HotTemplate {
  const item = paletteItem(id);
  if (!item) throw new Error(`no palette item ${id}`);
  return ok(drop(t, item, on));
}

export function linked(t: HotTemplate, from: string, to: string): HotTemplate {
  return ok(connect(t, from, to));
}

/** Server on a routed private network: the seed walkthrough's state before the floating IP. */
export function routedServer(): HotTemplate {
  return dropped(blank(), 'server');
}
