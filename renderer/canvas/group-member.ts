// A resource group expanded in place (issue 18): one member's resources, read
// from the nested file the group's resource_def uses, drawn inside a frame
// beside the group. A view of that file only: the member nodes can be neither
// selected nor moved nor connected (edit the file in its own tab), and their
// ids carry a prefix no HOT resource name can, so they never meet the store.
import type { ElementDefinition } from 'cytoscape';
import type { Topology } from '../../shared/topology/model';
import { toElements } from './elements';
import { layeredLayout } from './layout';
import type { Point } from './layout';

/** Prefix of an expanded group's frame and of its members' ids: `member:<group>` and `member:<group>/<id>`. */
export const MEMBER_PREFIX = 'member:';

export function memberFrameId(group: string): string {
  return `${MEMBER_PREFIX}${group}`;
}

export function isMemberId(id: string): boolean {
  return id.startsWith(MEMBER_PREFIX);
}

/** Gap between the group node and the member frame's left edge, in model units. */
const OFFSET_X = 180;

/**
 * Elements of one expanded group: a frame (compound node) labelled `label`,
 * the member file's nodes inside it laid out left to right from `anchor`,
 * their references, and a dashed edge from the group to the frame.
 */
export function memberElements(group: string, member: Topology, anchor: Point, label: string): ElementDefinition[] {
  const frame = memberFrameId(group);
  const id = (n: string) => `${frame}/${n}`;
  const local = layeredLayout(
    member.nodes.map((n) => ({ id: n.id })),
    member.edges,
    { columnGap: 110, rowGap: 90 },
  );
  const xs = Object.values(local).map((p) => p.x);
  const ys = Object.values(local).map((p) => p.y);
  const minX = xs.length ? Math.min(...xs) : 0;
  const midY = ys.length ? (Math.min(...ys) + Math.max(...ys)) / 2 : 0;
  const placed: Record<string, Point> = {};
  for (const [n, p] of Object.entries(local)) placed[n] = { x: anchor.x + OFFSET_X + (p.x - minX), y: anchor.y + (p.y - midY) };
  const out: ElementDefinition[] = [{ group: 'nodes', data: { id: frame, label, member: 1, frame: 1 }, selectable: false, grabbable: false }];
  for (const el of toElements(member, placed)) {
    if (el.group === 'nodes') {
      out.push({ ...el, data: { ...el.data, id: id(el.data.id as string), parent: frame, member: 1 }, selectable: false, grabbable: false });
    } else {
      out.push({
        ...el,
        data: { ...el.data, id: `${frame}/${el.data.id as string}`, source: id(el.data.source as string), target: id(el.data.target as string), member: 1 },
      });
    }
  }
  out.push({ group: 'edges', data: { id: `${frame}/link`, source: group, target: frame, label: '', kind: 'member' } });
  return out;
}
