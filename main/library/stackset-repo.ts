// SQL for stack sets, their instances and operations (migration 3). The
// operation row carries the scheduler's JSON state and the runner's Heat
// bookkeeping; saveProgress writes both with the set's instance list in one
// transaction, so a crash never leaves the grid and the operation disagreeing.
import type { Db } from './database';
import { writeTransaction } from './write-transaction';
import type { AgencyFields, PermissionModel, StackInstance, StackSet } from '../../shared/stacksets/model';
import { versionStatus, type VersionVerdict } from '../../shared/library/version-status';
import type { TemplateStatus } from '../../shared/library/model';
import { parseMessage } from './template-repo';

export interface StackSetRecord extends StackSet {
  /** The cloud profiles joined to the set: their projects are the set's accounts. */
  profile_ids: string[];
  deleted_at: string | null;
}

export interface StackInstanceRecord extends StackInstance {
  /** Parameters this instance passes on top of the set's. */
  parameter_overrides: Record<string, unknown>;
}

export interface OperationRow {
  id: string;
  stack_set_id: string;
  status: string;
  created_at: string;
  updated_at: string;
  /** The scheduler's OperationState, unparsed: callers read it with parseOperationState. */
  state: unknown;
  runner: unknown;
  template_version_id: string;
  parameters: Record<string, unknown>;
  parameter_overrides: Record<string, unknown> | null;
  /** DELETE_STACK_INSTANCES only: the instances leave the set and their Heat stacks stay. */
  retain_stacks: boolean;
}

export interface TemplateSource {
  yaml: string;
  files: Record<string, string>;
  environment: string | null;
}

interface SetRow {
  id: string;
  name: string;
  description: string;
  permission_model: PermissionModel;
  agencies: string;
  template_version_id: string;
  parameters: string;
  profile_ids: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

interface InstanceRow {
  stack_set_id: string;
  region: string;
  domain_id: string;
  status: StackInstance['status'];
  status_message: string;
  stack_id: string | null;
  parameter_overrides: string;
  created_at: string;
  updated_at: string;
}

interface OpRow {
  id: string;
  stack_set_id: string;
  status: string;
  created_at: string;
  updated_at: string;
  state: string;
  runner: string;
  template_version_id: string;
  parameters: string;
  parameter_overrides: string | null;
  retain_stacks: number;
}

function toSet(r: SetRow): StackSetRecord {
  return {
    stack_set_id: r.id,
    stack_set_name: r.name,
    stack_set_description: r.description,
    permission_model: r.permission_model,
    ...(JSON.parse(r.agencies) as AgencyFields),
    template_version_id: r.template_version_id,
    parameters: JSON.parse(r.parameters) as Record<string, unknown>,
    profile_ids: JSON.parse(r.profile_ids) as string[],
    create_time: r.created_at,
    update_time: r.updated_at,
    deleted_at: r.deleted_at,
  };
}

function toInstance(r: InstanceRow): StackInstanceRecord {
  return {
    stack_set_id: r.stack_set_id,
    region: r.region,
    domain_id: r.domain_id,
    status: r.status,
    status_message: r.status_message,
    stack_id: r.stack_id,
    create_time: r.created_at,
    update_time: r.updated_at,
    parameter_overrides: JSON.parse(r.parameter_overrides) as Record<string, unknown>,
  };
}

function toOperation(r: OpRow): OperationRow {
  return {
    ...r,
    state: JSON.parse(r.state) as unknown,
    runner: JSON.parse(r.runner) as unknown,
    parameters: JSON.parse(r.parameters) as Record<string, unknown>,
    parameter_overrides: r.parameter_overrides === null ? null : (JSON.parse(r.parameter_overrides) as Record<string, unknown>),
    retain_stacks: r.retain_stacks === 1,
  };
}

function agenciesOf(s: AgencyFields): string {
  const out: AgencyFields = {};
  if (s.administration_agency_name) out.administration_agency_name = s.administration_agency_name;
  if (s.administration_agency_urn) out.administration_agency_urn = s.administration_agency_urn;
  if (s.managed_agency_name) out.managed_agency_name = s.managed_agency_name;
  return JSON.stringify(out);
}

export class StackSetRepo {
  constructor(private readonly db: Db) {}

  transaction<T>(fn: () => T): T {
    return writeTransaction(this.db, fn);
  }

  /** Live sets, or every set ever made (deleted ones too) with includeDeleted. */
  listSets(includeDeleted = false): StackSetRecord[] {
    const where = includeDeleted ? '' : 'WHERE deleted_at IS NULL';
    return (this.db.prepare(`SELECT * FROM stack_sets ${where} ORDER BY name`).all() as SetRow[]).map(toSet);
  }

  getSet(id: string): StackSetRecord | null {
    const row = this.db.prepare('SELECT * FROM stack_sets WHERE id = ?').get(id) as SetRow | undefined;
    return row ? toSet(row) : null;
  }

  insertSet(s: StackSetRecord): void {
    this.db
      .prepare(
        `INSERT INTO stack_sets (id, name, description, permission_model, agencies, template_version_id, parameters, profile_ids, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        s.stack_set_id,
        s.stack_set_name,
        s.stack_set_description,
        s.permission_model,
        agenciesOf(s),
        s.template_version_id,
        JSON.stringify(s.parameters),
        JSON.stringify(s.profile_ids),
        s.create_time,
        s.update_time,
      );
  }

  updateSet(s: StackSetRecord): void {
    this.db
      .prepare(
        `UPDATE stack_sets SET description = ?, permission_model = ?, agencies = ?, template_version_id = ?, parameters = ?, profile_ids = ?, updated_at = ?
         WHERE id = ?`,
      )
      .run(
        s.stack_set_description,
        s.permission_model,
        agenciesOf(s),
        s.template_version_id,
        JSON.stringify(s.parameters),
        JSON.stringify(s.profile_ids),
        s.update_time,
        s.stack_set_id,
      );
  }

  markDeleted(id: string, at: string): void {
    this.db.prepare('UPDATE stack_sets SET deleted_at = ?, updated_at = ? WHERE id = ?').run(at, at, id);
  }

  listInstances(setId: string): StackInstanceRecord[] {
    const rows = this.db.prepare('SELECT * FROM stack_instances WHERE stack_set_id = ? ORDER BY region, domain_id').all(setId) as InstanceRow[];
    return rows.map(toInstance);
  }

  /** Writes the set's instance list back (instancesAfter's answer): rows not in it are removed. */
  replaceInstances(setId: string, instances: readonly StackInstance[], overrides: ReadonlyMap<string, Record<string, unknown>> = new Map()): void {
    const keep = new Set(instances.map((i) => `${i.region}\u0000${i.domain_id}`));
    for (const old of this.listInstances(setId)) {
      if (!keep.has(`${old.region}\u0000${old.domain_id}`)) {
        this.db.prepare('DELETE FROM stack_instances WHERE stack_set_id = ? AND region = ? AND domain_id = ?').run(setId, old.region, old.domain_id);
      }
    }
    const upsert = this.db.prepare(
      `INSERT INTO stack_instances (stack_set_id, region, domain_id, status, status_message, stack_id, parameter_overrides, created_at, updated_at)
       VALUES (@stack_set_id, @region, @domain_id, @status, @status_message, @stack_id, @parameter_overrides, @create_time, @update_time)
       ON CONFLICT (stack_set_id, region, domain_id) DO UPDATE SET
         status = excluded.status, status_message = excluded.status_message, stack_id = excluded.stack_id,
         parameter_overrides = CASE WHEN @set_overrides THEN excluded.parameter_overrides ELSE parameter_overrides END,
         updated_at = excluded.updated_at`,
    );
    for (const i of instances) {
      const o = overrides.get(`${i.region}\u0000${i.domain_id}`);
      upsert.run({
        stack_set_id: setId,
        region: i.region,
        domain_id: i.domain_id,
        status: i.status,
        status_message: i.status_message,
        stack_id: i.stack_id,
        parameter_overrides: JSON.stringify(o ?? {}),
        set_overrides: o === undefined ? 0 : 1,
        create_time: i.create_time,
        update_time: i.update_time,
      });
    }
  }

  insertOperation(row: OperationRow): void {
    this.db
      .prepare(
        `INSERT INTO stack_set_operations (id, stack_set_id, status, created_at, updated_at, state, runner, template_version_id, parameters, parameter_overrides, retain_stacks)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        row.id,
        row.stack_set_id,
        row.status,
        row.created_at,
        row.updated_at,
        JSON.stringify(row.state),
        JSON.stringify(row.runner),
        row.template_version_id,
        JSON.stringify(row.parameters),
        row.parameter_overrides === null ? null : JSON.stringify(row.parameter_overrides),
        row.retain_stacks ? 1 : 0,
      );
  }

  saveOperation(id: string, status: string, updatedAt: string, state: unknown, runner: unknown): void {
    this.db
      .prepare('UPDATE stack_set_operations SET status = ?, updated_at = ?, state = ?, runner = ? WHERE id = ?')
      .run(status, updatedAt, JSON.stringify(state), JSON.stringify(runner), id);
  }

  getOperation(id: string): OperationRow | null {
    const row = this.db.prepare('SELECT * FROM stack_set_operations WHERE id = ?').get(id) as OpRow | undefined;
    return row ? toOperation(row) : null;
  }

  listOperations(setId: string): OperationRow[] {
    const rows = this.db.prepare('SELECT * FROM stack_set_operations WHERE stack_set_id = ? ORDER BY created_at DESC, id').all(setId) as OpRow[];
    return rows.map(toOperation);
  }

  /** Operations a restart must pick up again: anything not in a final status. */
  listUnfinishedOperations(): OperationRow[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM stack_set_operations
         WHERE status IN ('QUEUE_IN_PROGRESS', 'OPERATION_IN_PROGRESS', 'STOP_IN_PROGRESS') ORDER BY created_at, id`,
      )
      .all() as OpRow[];
    return rows.map(toOperation);
  }

  /** The library template version a set deploys (the library's own table, read only). */
  /**
   * Whether this version may be deployed (seed 1.4), judged as a deploy judges
   * it (shared/library/version-status.ts): the library's recorded status for
   * the latest version, the HOT engine's verdict offline for an older one.
   */
  versionVerdict(id: string): VersionVerdict | null {
    const row = this.db
      .prepare(
        `SELECT v.number, v.yaml, v.files, v.environment, v.entry_path, t.status, t.status_reason, t.status_msg,
           (SELECT MAX(number) FROM template_versions x WHERE x.template_id = v.template_id) AS latest
         FROM template_versions v JOIN templates t ON t.id = v.template_id WHERE v.id = ?`,
      )
      .get(id) as
      | {
          number: number;
          yaml: string;
          files: string;
          environment: string | null;
          entry_path: string;
          status: TemplateStatus;
          status_reason: string;
          status_msg: string | null;
          latest: number;
        }
      | undefined;
    if (!row) return null;
    const template = { status: row.status, statusReason: row.status_reason, statusMsg: parseMessage(row.status_msg), latestVersion: row.latest };
    return versionStatus(template, {
      number: row.number,
      entryPath: row.entry_path,
      yaml: row.yaml,
      files: JSON.parse(row.files) as Record<string, string>,
      environment: row.environment,
    });
  }

  templateVersion(id: string): (TemplateSource & { templateId: string; number: number }) | null {
    const row = this.db.prepare('SELECT template_id, number, yaml, files, environment FROM template_versions WHERE id = ?').get(id) as
      { template_id: string; number: number; yaml: string; files: string; environment: string | null } | undefined;
    if (!row) return null;
    return {
      templateId: row.template_id,
      number: row.number,
      yaml: row.yaml,
      files: JSON.parse(row.files) as Record<string, string>,
      environment: row.environment,
    };
  }
}
