// Profiles: CRUD, imports (clouds.yaml, openrc, OS_* environment) and the
// secret of each, encrypted by the SecretStore before it reaches the
// database. Profile values handed out never contain a secret; imported
// secrets wait in memory (by candidate id) until the user saves them.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { AppError } from '../../shared/ipc/errors';
import { listParam, msg } from '../../shared/messages/message';
import { firstControlChar } from '../../shared/library/names';
import type { CloudProfile, ImportCandidate, ProfileFields } from '../../shared/cloud/profile';
import { secretTargetChanges } from '../../shared/cloud/secret-binding';
import type { CloudProfileRepo } from '../library/cloud-profile-repo';
import type { SecretStore } from '../platform/secret-store';
import { importCloudsYaml, importCloudsYamlFiles, type ConfigLocations, type ImportedProfile } from './clouds-yaml';
import { openConnection, type Connection } from './connection';
import { secretWord } from './keystone';
import { importOpenrcText } from './openrc';

export interface ProfileServiceOptions {
  now?: () => Date;
  locations?: ConfigLocations;
  /** Connection settings (timeouts) for every profile's client. */
  timeoutMs?: number;
  /**
   * Whether main itself got this path from a file dialog the user answered
   * (Electron only). Imports read no other path: a caller that names one
   * could read any file and learn which exist. Unset (browser host, and the
   * desktop app today, which has no such dialog): imports take file contents.
   */
  isChosenPath?: (path: string) => boolean;
}

export class ProfileService {
  private readonly candidates = new Map<string, ImportedProfile>();
  private readonly connections = new Map<string, Connection>();
  private readonly now: () => Date;

  constructor(
    private readonly repo: CloudProfileRepo,
    private readonly secrets: SecretStore,
    private readonly options: ProfileServiceOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
  }

  list(): CloudProfile[] {
    return this.repo.list();
  }

  get(id: string): CloudProfile {
    const p = this.repo.get(id);
    if (!p) throw new AppError('NOT_FOUND', msg('cloud.profile.notFound', { id }), { id });
    return p;
  }

  create(fields: ProfileFields, secret: string | null, source = 'manual'): CloudProfile {
    this.checkName(fields.name, null);
    const id = randomUUID();
    const now = this.now().toISOString();
    this.repo.insert(id, fields, source, now);
    if (secret) this.repo.setSecret(id, this.secrets.kind, this.secrets.encrypt(secret), now);
    return this.get(id);
  }

  /**
   * `secret`: undefined keeps the stored one, null removes it, a string replaces it.
   * Keeping it is refused when the profile now points elsewhere (secret-binding.ts):
   * the stored password would go to the new address.
   */
  update(id: string, fields: ProfileFields, secret: string | null | undefined): CloudProfile {
    const before = this.get(id);
    this.checkName(fields.name, id);
    const moved = secretTargetChanges(before, fields);
    if (secret === undefined && before.hasSecret && moved.length > 0) {
      throw new AppError(
        'SECRET_NEEDED',
        msg('cloud.profile.moved', { name: before.name, fields: listParam(moved.map((f) => msg(`cloud.field.${f}`))), secret: secretWord(fields.authKind) }),
        { changed: moved },
      );
    }
    const now = this.now().toISOString();
    this.repo.update(id, fields, now);
    if (secret === null) this.repo.clearSecret(id);
    else if (secret !== undefined) this.repo.setSecret(id, this.secrets.kind, this.secrets.encrypt(secret), now);
    this.dropConnection(id);
    return this.get(id);
  }

  delete(id: string): void {
    this.dropConnection(id);
    if (!this.repo.delete(id)) throw new AppError('NOT_FOUND', msg('cloud.profile.notFound', { id }), { id });
  }

  /** The live connection of a profile, kept (with its cached token) until the profile changes. */
  connection(id: string): Connection {
    const existing = this.connections.get(id);
    if (existing) return existing;
    const profile = this.get(id);
    const c = openConnection(profile, () => this.secretOf(id), { ...(this.options.timeoutMs ? { timeoutMs: this.options.timeoutMs } : {}) });
    this.connections.set(id, c);
    return c;
  }

  importCloudsYaml(input: { cloudsYaml?: string; secureYaml?: string | null; path?: string } = {}): ImportCandidate[] {
    let found: ImportedProfile[];
    if (input.cloudsYaml !== undefined) found = importCloudsYaml(input.cloudsYaml, input.secureYaml ?? null);
    else if (input.path !== undefined) found = importCloudsYaml(this.readChosen(input.path), null, input.path);
    else found = importCloudsYamlFiles(this.options.locations);
    return found.map((p) => this.remember(p));
  }

  importOpenrc(input: { path?: string; text?: string }): ImportCandidate[] {
    const text = input.text ?? (input.path !== undefined ? this.readChosen(input.path) : null);
    if (text === null) throw new AppError('BAD_REQUEST', msg('cloud.import.textNeeded'));
    return [this.remember(importOpenrcText(text, input.text !== undefined ? 'openrc' : (input.path ?? 'openrc')))];
  }

  /** Refused before the path is touched, so the answer says nothing about whether it exists. */
  private readChosen(path: string): string {
    if (!this.options.isChosenPath?.(path)) {
      throw new AppError('BAD_REQUEST', msg('cloud.import.contentsNotPath'));
    }
    return readText(path);
  }

  /** Saves chosen candidates as profiles (a name already taken gets a suffix), with their secrets. */
  saveCandidates(choices: { candidateId: string; name?: string | undefined }[]): CloudProfile[] {
    return choices.map(({ candidateId, name }) => {
      const c = this.candidates.get(candidateId);
      if (!c) throw new AppError('NOT_FOUND', msg('cloud.import.gone'), { candidateId });
      const fields = { ...c.fields, name: this.freeName(name ?? c.fields.name) };
      const saved = this.create(fields, c.secret, c.source);
      this.candidates.delete(candidateId);
      return saved;
    });
  }

  dispose(): void {
    for (const c of this.connections.values()) c.dispose();
    this.connections.clear();
    this.candidates.clear();
  }

  private secretOf(id: string): string {
    const stored = this.repo.getSecret(id);
    if (!stored) return '';
    if (stored.storeKind !== this.secrets.kind) {
      throw new AppError('SECRETS_UNAVAILABLE', msg('cloud.profile.otherStore', { stored: stored.storeKind, mode: this.secrets.kind }));
    }
    return this.secrets.decrypt(stored.ciphertext);
  }

  private remember(p: ImportedProfile): ImportCandidate {
    const candidateId = randomUUID();
    this.candidates.set(candidateId, p);
    return { candidateId, fields: p.fields, hasSecret: !!p.secret, source: p.source, warnings: p.warnings, warningMsgs: p.warningMsgs };
  }

  private dropConnection(id: string): void {
    this.connections.get(id)?.dispose();
    this.connections.delete(id);
  }

  private checkName(name: string, exceptId: string | null): void {
    if (!name.trim()) throw new AppError('PROFILE_INVALID', msg('cloud.profile.nameEmpty'));
    const control = firstControlChar(name);
    if (control) throw new AppError('PROFILE_INVALID', msg('cloud.profile.nameControl', { found: control }), { name });
    if (this.repo.nameTaken(name, exceptId)) throw new AppError('CONFLICT', msg('cloud.profile.nameTaken', { name }), { name });
  }

  /** `name`, or `name (2)`, `name (3)`... when taken. */
  freeName(name: string): string {
    if (!this.repo.nameTaken(name, null)) return name;
    for (let i = 2; ; i++) if (!this.repo.nameTaken(`${name} (${i})`, null)) return `${name} (${i})`;
  }
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new AppError('IMPORT_FAILED', msg('cloud.import.unreadable', { path, cause: (err as Error).message }), { path });
  }
}
