// The one contract. Every channel is declared here (via its domain's table);
// the main-side handler table, the browser host and the renderer's typed
// invoke are all derived from this object (the preload's allow-list is the
// part the renderer uses, renderer-surface.ts).
import type { z } from 'zod';
import type { ChannelDef } from './define';
import { appChannels } from './app.contract';
import { appsChannels } from './apps.contract';
import { cloudChannels } from './cloud.contract';
import { existingChannels } from './existing.contract';
import { deployChannels } from './deploy.contract';
import { backupChannels } from './backup.contract';
import { filesChannels } from './files.contract';
import { syncChannels } from './sync.contract';
import { libraryChannels } from './library.contract';
import { librariesChannels } from './libraries.contract';
import { gitChannels } from './git.contract';
import { stacksetChannels } from './stacksets.contract';
import { quotaChannels } from './quota.contract';

export const contract = {
  ...appChannels,
  ...libraryChannels,
  ...librariesChannels,
  ...gitChannels,
  ...filesChannels,
  ...existingChannels,
  ...syncChannels,
  ...appsChannels,
  ...backupChannels,
  ...stacksetChannels,
  ...cloudChannels,
  ...deployChannels,
  ...quotaChannels,
} as const;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export const CHANNEL_NAMES = Object.keys(contract) as ChannelName[];

type DefOf<K extends ChannelName> = Contract[K];
/** What the renderer sends (schema input: defaults may be omitted). */
export type RequestOf<K extends ChannelName> = DefOf<K> extends ChannelDef<infer S, unknown> ? z.input<S> : never;
/** What a handler receives (schema output: defaults filled, strings trimmed). */
export type ParsedRequestOf<K extends ChannelName> = DefOf<K> extends ChannelDef<infer S, unknown> ? z.output<S> : never;
export type ResponseOf<K extends ChannelName> = DefOf<K> extends ChannelDef<z.ZodType, infer R> ? R : never;

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(contract, value);
}

/** Names of the IPC channels Electron uses; the browser host uses HTTP paths instead. */
export const IPC_INVOKE = 'studio:invoke';
export const IPC_EVENT = 'studio:event';
