// The editor: one document (the YAML text is the truth), two views of it
// (canvas and YAML), one undo history across both, the layout kept beside
// the text, and the library calls to open and save. Components ask; this
// store edits through shared/topology and calls the main process via the api.
import { defineStore } from 'pinia';
import { uiErrorText } from '../i18n/ui-error';
import { i18n } from '../i18n';
import { displayDescription, displayName, freeName } from '../library/display-name';
import { computed, markRaw, ref, shallowRef } from 'vue';
import { useApi } from '../api/client';
import { openDoc, updateDoc, docFromTemplate, byteLength, MAX_TEMPLATE_BYTES } from '../editor/document';
import type { DocState } from '../editor/document';
import { History } from '../editor/history';
import type { Snapshot } from '../editor/history';
import { BLANK_TEMPLATE } from '../../shared/library/recommended';
import { connect as connectNodes, deleteNodes, drop as dropItem, writableVerdict } from '../../shared/topology/actions';
import type { ActionResult } from '../../shared/topology/actions';
import { paletteItem } from '../../shared/topology/palette';
import { connectTargets, connectVerdict, dropTargets, saveVerdict } from '../../shared/topology/rules';
import type { RefusalReason } from '../../shared/topology/rules';
import { copyResources, pasteResources } from '../../shared/topology/clipboard';
import type { CopiedResource } from '../../shared/topology/clipboard';
import { applyTopologyEdits } from '../../shared/topology/text-edits';
import { changedExisting, dropExisting } from '../../shared/topology/existing';
import { parentChain, EXISTING_KINDS } from '../../shared/existing/inventory';
import type { ExistingKind } from '../../shared/existing/inventory';
import { useExistingStore } from './existing';
import type { TopologyEdit } from '../../shared/topology/text-edits';
import { mergeLayout, layeredLayout } from '../canvas/layout';
import type { Point } from '../canvas/layout';
import type { TemplateDetails, TemplateOrigin } from '../../shared/library/model';
import type { Message } from '../../shared/messages/message';
import { fileTree, flattenTree, nestedFileOf } from '../../shared/library/file-tree';
import type { FileTreeNode } from '../../shared/library/file-tree';
import type { Diagnostic } from '../../shared/hot/diagnostics';

/**
 * One HOT file of the opened version as the editor holds it: the entry, or a
 * nested template (its own tab: canvas + YAML, its own undo history).
 */
interface FileState {
  doc: DocState;
  positions: Record<string, Point>;
  history: History;
  savedText: string;
  selection: string[];
}

/** Where a nested file's node positions are kept in the version's one layout map: `file:<path>#<node id>`. */
export const NESTED_LAYOUT_PREFIX = 'file:';
export function nestedLayoutKey(path: string, id: string): string {
  return `${NESTED_LAYOUT_PREFIX}${path}#${id}`;
}

/** A step of the drill-down trail: the file shown, and the resource (in the previous step's file) that led there. */
export interface Crumb {
  file: string;
  resource: string | null;
}

/** Drag data of the palette's Existing tab: `existing:<kind>:<cloud id>`. */
export const EXISTING_ITEM_PREFIX = 'existing:';

export interface Refusal {
  reason: RefusalReason | 'too-large' | 'edit-failed' | 'existing-unknown';
  params: Record<string, string>;
}

export const useEditorStore = defineStore('editor', () => {
  const api = useApi();
  const templateId = ref<string | null>(null);
  const name = ref('');
  const description = ref('');
  const origin = ref<TemplateOrigin>('user');
  const version = ref(0);
  const doc = shallowRef<DocState>(markRaw(openDoc(BLANK_TEMPLATE)));
  const positions = shallowRef<Record<string, Point>>({});
  const selection = ref<string[]>([]);
  const refusal = ref<Refusal | null>(null);
  const savedText = ref(BLANK_TEMPLATE);
  const savedPositions = ref('{}');
  const revision = ref(0);
  let history = new History();
  let clipboard: CopiedResource[] = [];
  /** Nested files and the environment of the opened version travel with every save unchanged. */
  let files: Record<string, string> = {};
  let environment: string | null = null;
  let entryPath = 'template.yaml';
  /** The HOT files of the version not on show now (the entry among them while a nested file is), by path. */
  const stash = new Map<string, FileState>();
  const entryFile = ref('template.yaml');
  const activeFile = ref('template.yaml');
  /** Open tabs (paths), the entry always first. */
  const tabs = ref<string[]>(['template.yaml']);
  /** The drill-down trail to the file on show (a breadcrumb when longer than one). */
  const crumbs = ref<Crumb[]>([{ file: 'template.yaml', resource: null }]);
  /** A line to show once the editor is on screen (a diagnosis link): the YAML view goes there, the canvas selects the resource. */
  const reveal = ref<{ file: string; line: number; resource: string } | null>(null);

  /** Current texts of every file but the entry: edits in open nested tabs over the version's files. */
  function currentFiles(): Record<string, string> {
    const out = { ...files };
    for (const [path, st] of stash) if (path !== entryFile.value) out[path] = st.doc.text;
    if (activeFile.value !== entryFile.value) out[activeFile.value] = doc.value.text;
    return out;
  }
  /** What the quota panel counts beside the YAML: nested files, the environment, the entry's path. */
  function projectFiles(): { files: Record<string, string>; environment: string | null; entryPath: string } {
    return { files: currentFiles(), environment, entryPath };
  }
  /** The entry file's document, whichever tab is on show (the quota panel counts the entry). */
  const entryDoc = computed<DocState>(
    () => (revision.value, activeFile.value === entryFile.value ? doc.value : (stash.get(entryFile.value)?.doc ?? doc.value)),
  );
  /** The version's files as a tree (entry first, nested files under what uses them), with the current texts. */
  const tree = computed<FileTreeNode[]>(() => {
    void revision.value;
    // A single-file template (the common case, and the big ones) is not parsed again for its tree.
    if (!Object.keys(files).length && !stash.size) return [{ path: entryFile.value, role: 'entry', template: true, children: [] }];
    return fileTree(entryFile.value, entryDoc.value.text, currentFiles());
  });
  /** Problems of every HOT file, each located in its file. */
  const problems = computed<{ file: string; diagnostics: Diagnostic[]; parseError: Diagnostic | null }[]>(() => {
    void revision.value;
    const out: { file: string; diagnostics: Diagnostic[]; parseError: Diagnostic | null }[] = [];
    for (const { node } of flattenTree(tree.value)) {
      const d = node.path === activeFile.value ? doc.value : stash.get(node.path)?.doc;
      if (d) out.push({ file: node.path, diagnostics: d.diagnostics.filter((x) => x.severity !== 'info'), parseError: d.parseError });
    }
    return out;
  });
  /** The nested template a resource of the file on show uses (type: x.yaml, or a group's resource_def), if the version holds it. */
  function nestedOf(resource: string): string | null {
    const path = nestedFileOf(activeFile.value, doc.value.text, resource, currentFiles());
    return path && (stash.has(path) || path === activeFile.value) ? path : null;
  }
  /** A nested file's document (for the group overlay), whichever tab is on show. */
  function docOf(path: string): DocState | null {
    return path === activeFile.value ? doc.value : (stash.get(path)?.doc ?? null);
  }

  function fileDirty(path: string): boolean {
    if (path === activeFile.value) return doc.value.text !== savedText.value;
    const st = stash.get(path);
    return !!st && st.doc.text !== st.savedText;
  }
  const dirty = computed(() => {
    void revision.value;
    if (doc.value.text !== savedText.value || JSON.stringify(allPositions()) !== savedPositions.value) return true;
    for (const path of stash.keys()) if (fileDirty(path)) return true;
    return false;
  });

  /** One layout map for the version: the entry's node ids as they are, nested files' under `file:<path>#`. */
  function allPositions(): Record<string, Point> {
    const out: Record<string, Point> = {};
    const add = (path: string, pos: Record<string, Point>) => {
      for (const [id, p] of Object.entries(pos)) out[path === entryFile.value ? id : nestedLayoutKey(path, id)] = p;
    };
    for (const [path, st] of stash) add(path, st.positions);
    add(activeFile.value, positions.value);
    return out;
  }

  /** Shows another HOT file of the version (a tab); `crumbTrail` replaces the breadcrumb. */
  function showFile(path: string, crumbTrail?: Crumb[]): boolean {
    if (path !== activeFile.value) {
      const next = stash.get(path);
      if (!next) return false;
      stash.set(activeFile.value, { doc: doc.value, positions: positions.value, history, savedText: savedText.value, selection: selection.value });
      stash.delete(path);
      doc.value = next.doc;
      positions.value = next.positions;
      history = next.history;
      savedText.value = next.savedText;
      selection.value = next.selection;
      activeFile.value = path;
      refusal.value = null;
    }
    if (!tabs.value.includes(path)) tabs.value = [...tabs.value, path];
    crumbs.value = crumbTrail ?? [{ file: path, resource: null }];
    revision.value++;
    return true;
  }
  /** Double-click on a nested stack or group: its template in a tab, the breadcrumb leading back. */
  function drillDown(resource: string): boolean {
    const path = nestedOf(resource);
    if (!path) return false;
    const at = crumbs.value.findIndex((c) => c.file === activeFile.value);
    const trail = at >= 0 ? crumbs.value.slice(0, at + 1) : [{ file: activeFile.value, resource: null }];
    return showFile(path, [...trail, { file: path, resource }]);
  }
  /** A breadcrumb step: back to that file, the trail cut there. */
  function backTo(index: number): boolean {
    const c = crumbs.value[index];
    if (!c) return false;
    return showFile(c.file, crumbs.value.slice(0, index + 1));
  }
  /** Closes a nested file's tab (its edits stay, and are saved with the rest). */
  function closeTab(path: string): void {
    if (path === entryFile.value) return;
    if (path === activeFile.value) showFile(entryFile.value);
    tabs.value = tabs.value.filter((p) => p !== path);
    revision.value++;
  }
  const canUndo = computed(() => (revision.value, history.canUndo));
  const canRedo = computed(() => (revision.value, history.canRedo));

  function snapshot(): Snapshot {
    return { text: doc.value.text, positions: positions.value };
  }

  function layoutFor(d: DocState, saved: Record<string, Point>): Record<string, Point> {
    const nodes = d.topology.nodes.map((n) => ({ id: n.id }));
    return mergeLayout(nodes, d.topology.edges, saved);
  }

  function setDoc(next: DocState): void {
    doc.value = markRaw(next);
    // Positions of nodes that went away are dropped; new ones are placed.
    if (!next.parseError) {
      const keep: Record<string, Point> = {};
      for (const n of next.topology.nodes) if (positions.value[n.id]) keep[n.id] = positions.value[n.id] as Point;
      positions.value = layoutFor(next, keep);
    }
    selection.value = selection.value.filter((id) => next.topology.byId.has(id));
    revision.value++;
  }

  /**
   * Opens a template of the library, at its latest version or at `number`
   * (a stack's diagnosis opens the version the stack came from; saving it
   * makes a new version on top). A system template opens as a new copy.
   */
  async function open(id: string, number?: number): Promise<void> {
    let details = await api.invoke('library.get', { id });
    if (details.origin === 'system') {
      // The copy is the user's own template: named and described in the words
      // they see the recommended one in (display-name.ts), not its stored English.
      // A second "Edit" makes a second copy, numbered like an import's.
      const { t, te } = i18n.global;
      const wanted = t('details.copyName', { name: displayName(t, te, details) });
      const similar = await api.invoke('library.list', { search: wanted, sort: 'name', limit: 500 });
      details = await api.invoke('library.create', {
        name: freeName(wanted, new Set(similar.map((x) => x.name))),
        description: displayDescription(t, te, details),
        tags: [],
        from: { kind: 'template', templateId: id },
      });
    }
    const shown =
      number !== undefined && number !== details.latestVersion && details.id === id
        ? await api.invoke('library.getVersion', { id: details.id, number })
        : details.latest;
    reveal.value = null;
    templateId.value = details.id;
    name.value = details.name;
    description.value = details.description;
    origin.value = details.origin;
    version.value = shown.number;
    files = shown.files;
    environment = shown.environment;
    entryPath = shown.entryPath;
    const d = openDoc(shown.yaml, entryPath);
    doc.value = markRaw(d);
    positions.value = layoutFor(d, shown.layout);
    savedText.value = shown.yaml;
    selection.value = [];
    refusal.value = null;
    history = new History();
    entryFile.value = entryPath;
    activeFile.value = entryPath;
    tabs.value = [entryPath];
    crumbs.value = [{ file: entryPath, resource: null }];
    // Every nested HOT file is parsed and checked now: its problems show before its tab is opened.
    stash.clear();
    for (const { node } of flattenTree(fileTree(entryPath, shown.yaml, files))) {
      if (node.role === 'entry' || !node.template) continue;
      const nd = openDoc(files[node.path] as string, node.path);
      const saved: Record<string, Point> = {};
      const prefix = nestedLayoutKey(node.path, '');
      for (const [k, p] of Object.entries(shown.layout)) if (k.startsWith(prefix)) saved[k.slice(prefix.length)] = p;
      stash.set(node.path, { doc: markRaw(nd), positions: layoutFor(nd, saved), history: new History(), savedText: nd.text, selection: [] });
    }
    savedPositions.value = JSON.stringify(allPositions());
    revision.value++;
  }

  /** The YAML view changed. Oversized text is refused (Heat's limit) and the view reverts. */
  function setText(text: string): boolean {
    if (text === doc.value.text) return true;
    if (byteLength(text) > MAX_TEMPLATE_BYTES) {
      refusal.value = { reason: 'too-large', params: { size: String(byteLength(text)), max: String(MAX_TEMPLATE_BYTES) } };
      revision.value++;
      return false;
    }
    history.record(snapshot(), 'yaml');
    setDoc(updateDoc(doc.value, text));
    refusal.value = null;
    return true;
  }

  function commit(result: ActionResult): boolean {
    if (!result.ok) {
      refusal.value = { reason: result.reason, params: result.params ?? {} };
      return false;
    }
    refusal.value = null;
    history.record(snapshot());
    setDoc(docFromTemplate(result.template));
    if (result.added.length) selection.value = [result.added[0] as string];
    return true;
  }

  /** A canvas action needs a HOT template that parses: while the YAML is broken, or for CFN, the canvas is read-only. */
  function guarded(action: () => ActionResult): boolean {
    if (doc.value.parseError) {
      refusal.value = { reason: 'edit-failed', params: { message: doc.value.parseError.message } };
      return false;
    }
    const writable = writableVerdict(doc.value.good);
    if (!writable.ok) {
      refusal.value = { reason: writable.reason, params: {} };
      return false;
    }
    try {
      return commit(action());
    } catch (err) {
      refusal.value = { reason: 'edit-failed', params: { message: uiErrorText(err) } };
      return false;
    }
  }

  /** Drops a palette item; on empty space the new node lands where it was dropped. */
  function drop(itemId: string, target: string | null, at?: Point): boolean {
    if (itemId.startsWith(EXISTING_ITEM_PREFIX)) return dropExistingItem(itemId, at);
    const item = paletteItem(itemId);
    if (!item) return false;
    const before = new Set(doc.value.topology.nodes.map((n) => n.id));
    const ok = guarded(() => dropItem(doc.value.good, item, target));
    if (ok && at && !target) {
      const added = doc.value.topology.nodes.filter((n) => !before.has(n.id));
      // Rule 1's auto-added parents stay laid out above the server; a single node goes to the pointer.
      if (added.length === 1) positions.value = { ...positions.value, [(added[0] as { id: string }).id]: at };
    }
    return ok;
  }
  /**
   * An existing resource from the palette's Existing tab, with its existing
   * parents (SPEC 1.5). Where it lands does not matter: its relations come
   * from the cloud. A lone new node goes to the pointer; a chain is laid out.
   */
  function dropExistingItem(itemId: string, at?: Point): boolean {
    const rest = itemId.slice(EXISTING_ITEM_PREFIX.length);
    const kind = rest.slice(0, rest.indexOf(':')) as ExistingKind;
    const id = rest.slice(rest.indexOf(':') + 1);
    const inventory = useExistingStore().inventory;
    const chain = inventory && EXISTING_KINDS.includes(kind) ? parentChain(inventory, kind, id) : [];
    if (!chain.length) {
      refusal.value = { reason: 'existing-unknown', params: {} };
      return false;
    }
    const before = new Set(doc.value.topology.nodes.map((n) => n.id));
    const ok = guarded(() => dropExisting(doc.value.good, chain));
    const added = doc.value.topology.nodes.filter((n) => !before.has(n.id));
    if (ok && at && added.length === 1) positions.value = { ...positions.value, [(added[0] as { id: string }).id]: at };
    return ok;
  }
  function connect(from: string, to: string): boolean {
    return guarded(() => connectNodes(doc.value.good, from, to));
  }
  /** Inspector edits; an existing resource's parameter is read-only (it may only be deleted). */
  function edit(edits: TopologyEdit[]): boolean {
    return guarded(() => {
      const next = applyTopologyEdits(doc.value.good, edits);
      const changed = changedExisting(doc.value.good, next);
      return changed ? { ok: false, reason: 'existing-read-only', params: { name: changed } } : { ok: true, template: next, added: [] };
    });
  }
  function deleteSelection(): boolean {
    if (!selection.value.length) return false;
    const ids = [...selection.value];
    selection.value = [];
    return guarded(() => ({ ok: true, template: deleteNodes(doc.value.good, ids), added: [] }));
  }
  function copy(): number {
    clipboard = copyResources(doc.value.good, selection.value);
    return clipboard.length;
  }
  function paste(): boolean {
    if (!clipboard.length) return false;
    const copied = clipboard;
    const ok = guarded(() => {
      const r = pasteResources(doc.value.good, copied);
      return { ok: true, template: r.template, added: r.added };
    });
    return ok;
  }

  /** Highlight set while dragging a palette item or a connection. */
  function targetsForItem(itemId: string): Set<string> | null {
    // An existing resource is not dropped *on* anything: no target to show.
    if (itemId.startsWith(EXISTING_ITEM_PREFIX)) return null;
    const item = paletteItem(itemId);
    return new Set(item ? dropTargets(doc.value.topology, item.kind) : []);
  }
  function targetsFrom(nodeId: string): Set<string> {
    return new Set(connectTargets(doc.value.topology, nodeId));
  }
  function explainConnect(from: string, to: string): Refusal | null {
    const v = connectVerdict(doc.value.topology, from, to);
    return v.ok ? null : { reason: v.reason, params: v.params ?? {} };
  }

  function move(all: Record<string, Point>, tag: string | null = null): void {
    // Only real nodes have saved positions (a collapsed group is a view, not a resource).
    const moved = Object.fromEntries(Object.entries(all).filter(([id]) => doc.value.topology.byId.has(id)));
    const changed = Object.entries(moved).some(([id, p]) => positions.value[id]?.x !== p.x || positions.value[id]?.y !== p.y);
    if (!changed) return;
    history.record(snapshot(), tag);
    positions.value = { ...positions.value, ...moved };
    revision.value++;
  }
  function autoLayout(): void {
    history.record(snapshot());
    positions.value = layeredLayout(
      doc.value.topology.nodes.map((n) => ({ id: n.id })),
      doc.value.topology.edges,
    );
    revision.value++;
  }

  function restore(s: Snapshot): void {
    doc.value = markRaw(s.text === doc.value.text ? doc.value : updateDoc(doc.value, s.text));
    positions.value = s.positions;
    selection.value = selection.value.filter((id) => doc.value.topology.byId.has(id));
    refusal.value = null;
    revision.value++;
  }
  function undo(): void {
    const s = history.undo(snapshot());
    if (s) restore(s);
  }
  function redo(): void {
    const s = history.redo(snapshot());
    if (s) restore(s);
  }

  /** Rule 8 first; then the library computes the status and keeps a new immutable version. */
  async function save(meta: {
    name: string;
    description: string;
    note?: string;
    /** A git-bound library's commit message (default there: the note). */
    commitMessage?: string;
  }): Promise<{ ok: true; version: number; status: string; statusReason: string; statusMsg: Message | null } | { ok: false; refusal: Refusal }> {
    const v = saveVerdict(entryDoc.value.topology);
    if (!v.ok) return { ok: false, refusal: { reason: v.reason, params: {} } };
    if (!templateId.value) {
      const created = await api.invoke('library.create', {
        name: meta.name,
        description: meta.description,
        tags: [],
        from: { kind: 'yaml', yaml: doc.value.text, layout: positions.value },
      });
      templateId.value = created.id;
      return afterSave(created);
    }
    if (meta.name !== name.value || meta.description !== description.value) {
      await api.invoke('library.update', { id: templateId.value, name: meta.name, description: meta.description });
    }
    // Every file in one version: the entry and each nested file as edited in its tab.
    const entryText = entryDoc.value.text;
    return afterSave(
      await api.invoke('library.saveVersion', {
        id: templateId.value,
        yaml: entryText,
        layout: allPositions(),
        files: currentFiles(),
        environment,
        note: meta.note ?? '',
        ...(meta.commitMessage ? { commitMessage: meta.commitMessage } : {}),
      }),
    );
  }

  function afterSave(saved: TemplateDetails): { ok: true; version: number; status: string; statusReason: string; statusMsg: Message | null } {
    refusal.value = null;
    name.value = saved.name;
    description.value = saved.description;
    version.value = saved.latestVersion;
    savedText.value = doc.value.text;
    files = saved.latest.files;
    for (const st of stash.values()) st.savedText = st.doc.text;
    savedPositions.value = JSON.stringify(allPositions());
    revision.value++;
    return { ok: true, version: saved.latestVersion, status: saved.status, statusReason: saved.statusReason, statusMsg: saved.statusMsg };
  }

  return {
    templateId,
    name,
    description,
    origin,
    version,
    doc,
    positions,
    selection,
    refusal,
    revision,
    dirty,
    canUndo,
    canRedo,
    reveal,
    open,
    setText,
    drop,
    connect,
    edit,
    deleteSelection,
    copy,
    paste,
    move,
    autoLayout,
    undo,
    redo,
    save,
    targetsForItem,
    targetsFrom,
    explainConnect,
    projectFiles,
    entryFile,
    activeFile,
    tabs,
    crumbs,
    entryDoc,
    tree,
    problems,
    nestedOf,
    docOf,
    fileDirty,
    showFile,
    drillDown,
    backTo,
    closeTab,
  };
});
