// Which view the editor canvas draws (issue 18): the seed-style one (default), helpers
// folded (renderer/canvas/fold.ts), or every Heat resource. A view state only:
// both edit the same document.
import { computed, ref, watch } from 'vue';
import type { ElementDefinition } from 'cytoscape';
import { foldHelpers } from '../canvas/fold';
import { resources } from '../../shared/hot/template';
import { get, isMap, isSeq, isString } from '../../shared/hot/node';
import type { HotTemplate } from '../../shared/hot/template';
import type { useEditorStore } from '../stores/editor';

export type CanvasView = 'seed' | 'full';

/** Ports' literal fixed IPs (fixed_ips[0].ip_address): the folded edge's label. */
export function fixedIps(t: HotTemplate): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of resources(t)) {
    if (r.type !== 'OS::Neutron::Port') continue;
    const props = get(r.definition, 'properties');
    const ips = props ? get(props, 'fixed_ips') : undefined;
    const first = isSeq(ips) ? ips.items[0] : undefined;
    const ip = isMap(first) ? get(first, 'ip_address') : undefined;
    if (isString(ip)) out.set(r.name, ip.value);
  }
  return out;
}

/** The user's last choice, kept across editor openings (the seed view until one is made). */
const VIEW_KEY = 'hs.editor.canvasView';
function rememberedView(): CanvasView {
  return globalThis.localStorage?.getItem(VIEW_KEY) === 'full' ? 'full' : 'seed';
}

export function useCanvasView(editor: ReturnType<typeof useEditorStore>, t: (key: string) => string) {
  // The seed's picture is what a new user expects (issue 18); the full view is one click away.
  const view = ref<CanvasView>(rememberedView());
  watch(view, (v) => globalThis.localStorage?.setItem(VIEW_KEY, v));
  const fold = computed<((els: ElementDefinition[]) => ElementDefinition[]) | null>(() => {
    if (view.value !== 'seed') return null;
    const topo = editor.doc.topology;
    const ips = fixedIps(editor.doc.good);
    const words = { publicIp: t('nested.view.publicIp') };
    return (els) => foldHelpers(els, topo, ips, words);
  });
  return { view, fold };
}
