// Groups expanded in place on the editor canvas (issue 18): a view state of
// the canvas only, like collapsing. A ResourceGroup / AutoScalingGroup whose
// resource_def uses a nested file of the version shows one member's resources
// (that file's canvas, read-only) in a frame beside it; toggled again, gone.
import { computed, shallowRef, watch } from 'vue';
import type { ElementDefinition } from 'cytoscape';
import { memberElements } from '../canvas/group-member';
import { resources } from '../../shared/hot/template';
import { get, isScalar } from '../../shared/hot/node';
import type { useEditorStore } from '../stores/editor';

const GROUP_TYPES: ReadonlySet<string> = new Set(['OS::Heat::ResourceGroup', 'OS::Heat::AutoScalingGroup']);

type Translate = (key: string, params?: Record<string, unknown>) => string;

export function useGroupExpansion(editor: ReturnType<typeof useEditorStore>, t: Translate) {
  /** Expanded groups of the file on show, by resource name. */
  const expanded = shallowRef<ReadonlySet<string>>(new Set());
  // Another tab is another canvas: its groups start folded.
  watch(
    () => editor.activeFile,
    () => (expanded.value = new Set()),
  );

  /** The nested file a group of the file on show expands to, or null (not a group, or its file is not in the version). */
  function memberFile(id: string): string | null {
    const n = editor.doc.topology.byId.get(id);
    return n && GROUP_TYPES.has(n.type) ? editor.nestedOf(id) : null;
  }

  /** The group's count as written (a literal), else a question mark: a get_param count is known only at deploy. */
  function countOf(group: string): string {
    const def = resources(editor.doc.good).find((r) => r.name === group)?.definition;
    const props = def ? get(def, 'properties') : undefined;
    const count = props ? get(props, 'count') : undefined;
    return isScalar(count) && typeof count.value === 'number' ? String(count.value) : t('nested.countUnknown');
  }

  const selectedGroup = computed(() => (editor.selection.length === 1 && memberFile(editor.selection[0] as string) ? (editor.selection[0] as string) : null));

  const members = computed<ElementDefinition[]>(() => {
    void editor.revision;
    const out: ElementDefinition[] = [];
    for (const group of expanded.value) {
      const file = memberFile(group);
      const doc = file ? editor.docOf(file) : null;
      const at = editor.positions[group];
      if (!file || !doc || !at) continue;
      out.push(...memberElements(group, doc.topology, at, t('nested.member', { group, file, count: countOf(group) })));
    }
    return out;
  });

  function toggle(group: string): void {
    const next = new Set(expanded.value);
    if (next.has(group)) next.delete(group);
    else if (memberFile(group)) next.add(group);
    expanded.value = next;
  }

  return { expanded, selectedGroup, members, toggle };
}
