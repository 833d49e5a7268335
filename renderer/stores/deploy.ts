// The deploy and update dialogs' work: what is being deployed (a library
// version or a picked YAML file), its parameter form, Heat's preview before
// creating, and Heat's change preview before an update.
import type { DeploySet } from '../../shared/deploy/picked-set';
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { useApi } from '../api/client';
import { useCloudsStore } from './clouds';
import { useStacksStore } from './stacks';
import { useNavStore } from './nav';
import type { DeployOptions, DeploySource } from '../../shared/deploy/model';
import type { ExplainedChanges, StackRef } from '../../shared/cloud/heat-types';
import { previewedNames } from './stack-progress';
import type { ResponseOf } from '../../shared/ipc/contract';
import { versionStatus } from '../../shared/library/version-status';
import type { Message } from '../../shared/messages/message';

export interface DeployTarget {
  source: DeploySource;
  /** The YAML the form is generated from (the entry template). */
  yaml: string;
  /** Default stack name: the template's name. */
  name: string;
  label: string;
  /** SPEC 1.4: why this version or file can only be edited (main refuses the create too); null when it may be deployed. */
  needsEditing: { reason: string; msg: Message | null; kind: 'template' | 'version' | 'file'; version?: number } | null;
  /** An environment file picked with the template ("Deploy a YAML file…" with several files): the form starts with it. */
  environment?: { path: string; text: string } | null;
  /** The library version's own environment (main sends it with the deploy): its values fill the form. */
  storedEnvironment?: { version: number; text: string } | null;
}

export const useDeployStore = defineStore('deploy', () => {
  const api = useApi();
  const clouds = useCloudsStore();
  const stacks = useStacksStore();
  const nav = useNavStore();
  /** Set when the deploy dialog is open. */
  const target = shallowRef<DeployTarget | null>(null);

  async function openLibrary(templateId: string, version: number): Promise<void> {
    const [t, v] = await Promise.all([api.invoke('library.get', { id: templateId }), api.invoke('library.getVersion', { id: templateId, number: version })]);
    const verdict = versionStatus(t, v);
    const needsEditing =
      verdict.status === 'needs_editing'
        ? { reason: verdict.reason, msg: verdict.msg, kind: verdict.basis === 'recorded' ? ('template' as const) : ('version' as const), version: v.number }
        : null;
    target.value = {
      source: { kind: 'library', templateId, version },
      yaml: v.yaml,
      name: t.name,
      label: `${t.name} · v${v.number}`,
      needsEditing,
      storedEnvironment: v.environment ? { version: v.number, text: v.environment } : null,
    };
    nav.go('stacks');
  }

  function openYaml(fileName: string, yaml: string): void {
    const base = fileName.replace(/\.(ya?ml|json|template)$/i, '');
    const verdict = versionStatus(null, { yaml, files: {}, entryPath: 'template.yaml', environment: null });
    const needsEditing = verdict.status === 'needs_editing' ? { reason: verdict.reason, msg: verdict.msg, kind: 'file' as const } : null;
    target.value = { source: { kind: 'yaml', yaml, files: {}, entryPath: 'template.yaml' }, yaml, name: base || 'stack', label: fileName, needsEditing };
  }

  /** An entry template picked with its nested files and environment (shared/deploy/picked-set.ts chose which is which). */
  function openSet(set: DeploySet): void {
    const base = set.entryPath
      .split('/')
      .pop()!
      .replace(/\.(ya?ml|json|template)$/i, '');
    const label = [set.entryPath, ...Object.keys(set.files), ...(set.environment ? [set.environment.path] : [])].join(' + ');
    // Judged as main will judge it (SPEC 1.4): with its nested files and its environment.
    const verdict = versionStatus(null, { yaml: set.yaml, files: set.files, entryPath: set.entryPath, environment: set.environment?.text ?? null });
    const needsEditing = verdict.status === 'needs_editing' ? { reason: verdict.reason, msg: verdict.msg, kind: 'file' as const } : null;
    target.value = {
      source: { kind: 'yaml', yaml: set.yaml, files: set.files, entryPath: set.entryPath },
      yaml: set.yaml,
      name: base || 'stack',
      label,
      environment: set.environment,
      needsEditing,
    };
  }

  function close(): void {
    target.value = null;
  }

  /** After "Check again" in the dialog: the version's status read anew (usable lifts the block; main decides on create either way). */
  async function refreshStatus(): Promise<void> {
    const current = target.value;
    if (current?.source.kind !== 'library') return;
    const { templateId, version } = current.source;
    const [t, v] = await Promise.all([api.invoke('library.get', { id: templateId }), api.invoke('library.getVersion', { id: templateId, number: version })]);
    const verdict = versionStatus(t, v);
    if (target.value !== current) return;
    target.value = {
      ...current,
      needsEditing:
        verdict.status === 'needs_editing'
          ? { reason: verdict.reason, msg: verdict.msg, kind: verdict.basis === 'recorded' ? 'template' : 'version', version }
          : null,
    };
  }

  function profile(): string {
    if (!clouds.activeId) throw new Error('no active cloud profile');
    return clouds.activeId;
  }

  async function preview(stackName: string, options: DeployOptions): Promise<ResponseOf<'deploy.preview'>> {
    if (!target.value) throw new Error('nothing to deploy');
    return api.invoke('deploy.preview', { profileId: profile(), stackName, source: target.value.source, options });
  }

  /** Main counts the template with these parameters against the quota read now (over quota blocks the create). */
  async function checkQuota(options: DeployOptions): Promise<ResponseOf<'quota.checkDeploy'>> {
    if (!target.value) throw new Error('nothing to deploy');
    return api.invoke('quota.checkDeploy', { profileId: profile(), source: target.value.source, options });
  }

  /** What an update adds, counted by main against the quota read now; null when there is nothing to judge. */
  async function checkUpdateQuota(stack: StackRef, source: DeploySource | null, options: DeployOptions): Promise<ResponseOf<'quota.checkUpdate'>> {
    return api.invoke('quota.checkUpdate', { profileId: profile(), stack, source, options });
  }

  async function create(stackName: string, options: DeployOptions): Promise<StackRef> {
    if (!target.value) throw new Error('nothing to deploy');
    stacks.askNotificationPermission();
    const r = await api.invoke('deploy.create', { profileId: profile(), stackName, source: target.value.source, options });
    target.value = null;
    await stacks.load();
    await stacks.select(r.stack);
    await stacks.follow(r.stack);
    return r.stack;
  }

  /** The change preview: the same request as the update it previews. */
  const changes = ref<ExplainedChanges | null>(null);
  async function previewUpdate(stack: StackRef, source: DeploySource | null, options: DeployOptions): Promise<ExplainedChanges> {
    changes.value = await api.invoke('deploy.previewUpdate', { profileId: profile(), stack, source, options });
    return changes.value;
  }

  async function update(stack: StackRef, source: DeploySource | null, options: DeployOptions): Promise<void> {
    stacks.askNotificationPermission();
    // What Heat's preview named is what this update's progress counts from its first second.
    const expected = previewedNames(changes.value);
    await api.invoke('deploy.update', { profileId: profile(), stack, source, options });
    changes.value = null;
    stacks.expectChanges(stack.id, expected);
    await stacks.follow(stack);
    await stacks.select(stack);
    await stacks.follow(stack);
  }

  /** Versions of a library template, newest first, for "update from a newer version". */
  async function versionsOf(templateId: string) {
    const t = await api.invoke('library.get', { id: templateId });
    return [...t.versions].sort((a, b) => b.number - a.number);
  }

  async function versionYaml(templateId: string, version: number): Promise<string> {
    return (await api.invoke('library.getVersion', { id: templateId, number: version })).yaml;
  }

  return {
    target,
    changes,
    openLibrary,
    openYaml,
    openSet,
    close,
    refreshStatus,
    preview,
    checkQuota,
    checkUpdateQuota,
    create,
    previewUpdate,
    update,
    versionsOf,
    versionYaml,
  };
});
