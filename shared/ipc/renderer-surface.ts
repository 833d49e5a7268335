// What the renderer calls, and the only part of the contract the desktop
// app's preload exposes (and main's IPC handler accepts): a page that is
// compromised cannot reach a channel the UI never uses. Kept equal to the
// channel names the renderer's sources spell, and the event types they
// subscribe to, by test/unit/shared/ipc/renderer-surface.test.ts; a new
// `api.invoke('x.y', ...)` fails that test until its channel is added here.
// The browser host serves the whole contract (the integration tests and the
// CLI use channels the UI does not).
import type { ChannelName } from './contract';
import type { StudioEventType } from './events';

export const RENDERER_CHANNELS = [
  'app.getPreferences', 'app.info', 'app.setPreferences',
  'apps.checkExport', 'apps.export', 'apps.import', 'apps.link',
  'backup.exportLibrary', 'backup.importLibrary', 'backup.list', 'backup.now',
  'cloud.import.cloudsYaml', 'cloud.import.openrc', 'cloud.import.save', 'cloud.profiles.addLocalSandbox', 'cloud.profiles.create',
  'cloud.profiles.delete', 'cloud.profiles.list', 'cloud.profiles.test', 'cloud.profiles.update', 'cloud.resourceTypes', 'cloud.stacks.cancel', 'cloud.stacks.check',
  'cloud.stacks.delete', 'cloud.stacks.dependencies', 'cloud.stacks.events', 'cloud.stacks.list', 'cloud.stacks.resources', 'cloud.stacks.resume', 'cloud.stacks.show',
  'cloud.stacks.suspend', 'cloud.stacks.template', 'cloud.watch.start',
  'deploy.create', 'deploy.origin', 'deploy.origins', 'deploy.preview', 'deploy.previewUpdate', 'deploy.update',
  'existing.choices', 'existing.createKeyPair', 'existing.inventory',
  'files.exportBundle', 'files.importFiles', 'files.importUrl', 'files.importZip',
  'library.create', 'library.delete', 'library.get', 'library.getVersion', 'library.list', 'library.resourceTypes', 'library.saveVersion',
  'library.update',
  'libraries.choosePath', 'libraries.close', 'libraries.create', 'libraries.forget', 'libraries.open', 'libraries.rename', 'libraries.search', 'libraries.state',
  'libraries.switch', 'libraries.transfer',
  'git.abort', 'git.bind', 'git.clone', 'git.conflicts', 'git.pull', 'git.push', 'git.resolve', 'git.status',
  'quota.checkDeploy', 'quota.checkUpdate', 'quota.lastKnown', 'quota.read',
  'stacksets.accounts', 'stacksets.create', 'stacksets.delete', 'stacksets.get', 'stacksets.list', 'stacksets.operate', 'stacksets.operation',
  'stacksets.profiles', 'stacksets.stop',
  'sync.deployments', 'sync.downloadStack', 'sync.recheck', 'sync.stackTemplate',
] as const satisfies readonly ChannelName[];

export const RENDERER_EVENTS = ['cloud.status', 'git.progress', 'library.changed', 'menu.command', 'stack.changed', 'stacksets.changed', 'stacksets.operation'] as const satisfies readonly StudioEventType[];
