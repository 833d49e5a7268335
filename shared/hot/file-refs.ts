// File references (get_file, file `type:`s, registry mappings) that leave the
// folder a template may read from. `bundle` and `validate` refuse them with
// the same code and wording, located at the reference itself, and never open
// the file: a template must not be able to pull ../../etc/passwd into a
// request or make the linter read (or block on) files it has no business with.
import type { HNode, HScalar } from './node';
import { msg, type Message } from '../messages/message';

export const OUTSIDE_FOLDER = 'file-outside-folder';

/** `action` says what was not done: "bundle" or "read". */
export function outsideFolderMessage(ref: string, path: string, root: string, action: 'bundle' | 'read'): Message {
  return msg(action === 'bundle' ? 'hot.outside-folder.bundle' : 'hot.outside-folder.read', { ref, path, root });
}

/**
 * The scalar holding a reference, for a located diagnostic when only the
 * plain value is at hand (bundle works on plain values, as heatclient does):
 * the `nth` (0-based) pair in document order whose value is the string `ref`,
 * and whose key is `key` when given.
 */
export function locateRef(root: HNode | undefined, ref: string, key?: string, nth = 0): HScalar | undefined {
  let seen = 0;
  let found: HScalar | undefined;
  const walk = (n: HNode | undefined): void => {
    if (!n || found) return;
    if (n.kind === 'seq') n.items.forEach(walk);
    else if (n.kind === 'map') {
      for (const p of n.pairs) {
        if (found) return;
        if (p.value.kind === 'scalar' && p.value.value === ref && (key === undefined || p.key.value === key) && seen++ === nth) found = p.value;
        else walk(p.value);
      }
    }
  };
  walk(root);
  return found;
}
