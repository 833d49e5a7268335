// One stack instance's Heat work: start the create / update / delete of its
// stack, and read back whether that has finished. Every start is safe to
// repeat after a restart: a create first looks for the stack by its
// deterministic name, an update compares the stack with the baseline saved
// before the PUT, a delete of a stack that is gone is complete.
import { createHash } from 'node:crypto';
import { AppError } from '../../shared/ipc/errors';
import type { StackRef } from '../../shared/cloud/heat-types';
import { withSandboxEnvironment } from '../../shared/cloud/sandbox-environment';
import type { OperationAction } from '../../shared/stacksets/model';
import type { HeatClient, StackBody } from '../cloud/heat-client';

/** 'retain': a DELETE_STACK_INSTANCES that keeps the stack (RetainStacks): the instance leaves the set, Heat is not asked to delete. */
export type HeatAction = 'create' | 'update' | 'delete' | 'retain';

/** What the runner keeps per instance beside the scheduler state (persisted). */
export interface InstanceBook {
  stack_name: string;
  heat_action: HeatAction;
  /** Heat accepted the request (or the stack was found doing it). */
  submitted: boolean;
  /** The stack as it was before an update: the update has happened once the stack differs. */
  baseline: { status: string; updated_time: string | null; event_id?: string | null } | null;
}

export type Poll = { done: false } | { done: true; outcome: 'complete' | 'failed'; message: string; stackId?: string };

export interface StackTemplate {
  yaml: string;
  files: Record<string, string>;
  environment: string | null;
}

/**
 * Heat stack names must start with a letter and hold only [A-Za-z0-9_.-], but a
 * set's name may be Chinese; the name is derived from the set id and the pair
 * so a restarted runner can find a stack whose create answer it never saw.
 */
export function instanceStackName(setId: string, region: string, domainId: string): string {
  const pair = createHash('sha256').update(`${region}\u0000${domainId}`).digest('hex').slice(0, 10);
  return `stackset-${setId.slice(0, 8)}-${pair}`;
}

export function heatActionFor(action: OperationAction, stackId: string | null, retainStacks = false): HeatAction {
  if (action === 'DELETE_STACK_INSTANCES') return retainStacks ? 'retain' : 'delete';
  if (action === 'CREATE_STACK_INSTANCES') return 'create';
  return stackId === null ? 'create' : 'update';
}

export function stackBody(template: StackTemplate, parameters: Record<string, unknown>, sandbox: boolean, name?: string): StackBody {
  const body: StackBody = {
    ...(name ? { stack_name: name } : {}),
    template: template.yaml,
    files: { ...template.files },
    parameters,
    ...(template.environment ? { environment: template.environment } : {}),
  };
  // The sandbox environment is only ever added for profiles marked sandbox (shared/cloud).
  return sandbox ? withSandboxEnvironment(body) : body;
}

function isNotFound(err: unknown): boolean {
  return err instanceof AppError && err.code === 'NOT_FOUND';
}

async function findStack(heat: HeatClient, name: string): Promise<StackRef | null> {
  try {
    return await heat.find(name);
  } catch (err) {
    if (isNotFound(err)) return null;
    throw err;
  }
}

export interface StartContext {
  heat: HeatClient;
  book: InstanceBook;
  stackId: string | null;
  body: () => StackBody;
  /** Called as soon as something worth persisting is known (a stack id, a baseline). */
  save: (book: InstanceBook, stackId: string | null) => void;
  /** After a restart: look before acting. */
  resuming: boolean;
  /** The stack as read shortly before (readBaseline), to send the PUT without another round trip. Ignored when resuming. */
  readAhead?: StackBaseline | null;
}

/** What an update compares against: the stack and its newest event, before the PUT. */
export interface StackBaseline {
  current: { stack_status: string; updated_time?: string | null } | null;
  lastEvent: string | null;
}

/**
 * Reads the stack and its newest event together: one round trip instead of
 * two (each Heat request waits for a Keystone token validation; under load
 * that wait was 1.4-2.6 s). A stack that is gone reads as current null.
 */
export async function readBaseline(heat: HeatClient, ref: StackRef): Promise<StackBaseline> {
  const gone = (err: unknown): null => {
    if (isNotFound(err)) return null;
    throw err;
  };
  const [current, lastEvent] = await Promise.all([heat.show(ref).catch(gone), lastStackEvent(heat, ref).catch(gone)]);
  return { current, lastEvent };
}

/** Starts the instance's Heat action; returns a final outcome when there is nothing to wait for. */
export async function startInstance(ctx: StartContext): Promise<Poll> {
  const { heat, book } = ctx;
  let stackId = ctx.stackId;
  if (book.heat_action === 'retain') {
    // Nothing is sent to Heat: the stack is looked up only so the instance's message names the stack that stays.
    const ref = stackId ? { name: book.stack_name, id: stackId } : await findStack(heat, book.stack_name);
    const kept = ref
      ? await heat.show(ref).catch((err: unknown) => {
          if (isNotFound(err)) return null;
          throw err;
        })
      : null;
    if (!ref || !kept || kept.stack_status === 'DELETE_COMPLETE')
      return { done: true, outcome: 'complete', message: 'left the set; it had no Heat stack to keep' };
    return { done: true, outcome: 'complete', message: `left the set; its Heat stack ${ref.name} (${ref.id}) was kept (retain stacks)`, stackId: ref.id };
  }
  if (book.heat_action === 'delete') {
    const ref = stackId ? { name: book.stack_name, id: stackId } : await findStack(heat, book.stack_name);
    if (!ref) return { done: true, outcome: 'complete', message: 'no Heat stack to delete' };
    try {
      await heat.delete(ref);
    } catch (err) {
      if (isNotFound(err)) return { done: true, outcome: 'complete', message: 'the Heat stack was already gone' };
      throw err;
    }
    ctx.save({ ...book, submitted: true }, ref.id);
    return { done: false };
  }
  if (book.heat_action === 'update' && stackId) {
    const ref = { name: book.stack_name, id: stackId };
    // Read ahead by the runner while the slot was still busy, or now.
    const { current, lastEvent } = (!ctx.resuming && ctx.readAhead) || (await readBaseline(heat, ref));
    const decision = decideUpdate(book, current, ctx.resuming);
    if (current && decision === 'adopt') {
      ctx.save({ ...book, submitted: true }, stackId);
      return { done: false };
    }
    if (current && decision === 'update') {
      const baseline = { status: current.stack_status, updated_time: current.updated_time ?? null, event_id: lastEvent };
      ctx.save({ ...book, baseline }, stackId);
      const { stack_name: _omit, ...body } = ctx.body();
      void _omit;
      await heat.update(ref, body);
      ctx.save({ ...book, baseline, submitted: true }, stackId);
      return { done: false };
    }
    // The stack is gone (deleted outside the studio): deploying means creating it again.
    stackId = null;
  }
  if (ctx.resuming || book.heat_action === 'update') {
    const found = await findStack(heat, book.stack_name);
    if (found) {
      ctx.save({ ...book, heat_action: 'create', submitted: true }, found.id);
      return { done: false };
    }
  }
  try {
    const ref = await heat.create(ctx.body());
    ctx.save({ ...book, heat_action: 'create', submitted: true }, ref.id);
  } catch (err) {
    // A create whose answer was lost and then retried: the stack exists by its name.
    if (!(err instanceof AppError && err.code === 'CONFLICT')) throw err;
    const found = await findStack(heat, book.stack_name);
    if (!found) throw err;
    ctx.save({ ...book, heat_action: 'create', submitted: true }, found.id);
  }
  return { done: false };
}

async function lastStackEvent(heat: HeatClient, ref: StackRef): Promise<string | null> {
  const events = await heat.events(ref, { resource_name: ref.name, sort_dir: 'desc', limit: 1 });
  return events[0]?.id ?? null;
}

/** The stack moved since the baseline saved before the PUT: the update reached Heat. */
export function differs(baseline: NonNullable<InstanceBook['baseline']>, stack: { stack_status: string; updated_time?: string | null }): boolean {
  return baseline.status !== stack.stack_status || baseline.updated_time !== (stack.updated_time ?? null);
}

/**
 * An update of an instance whose stack id is known: 'recreate' when the stack
 * is gone (deleted outside the studio), 'adopt' when a restarted runner finds
 * the stack already moved past the saved baseline (the PUT reached Heat
 * before the crash: do not send it twice), else 'update'.
 */
export function decideUpdate(
  book: InstanceBook,
  current: { stack_status: string; updated_time?: string | null } | null,
  resuming: boolean,
): 'recreate' | 'adopt' | 'update' {
  if (!current || current.stack_status === 'DELETE_COMPLETE') return 'recreate';
  if (resuming && book.baseline && differs(book.baseline, current)) return 'adopt';
  return 'update';
}

/** A settled stack's verdict for the instance's action (the status it should have reached, or failed). */
export function settledOutcome(book: InstanceBook, stack: { stack_status: string; stack_status_reason?: string | null }, stackId: string): Poll {
  const expected = book.heat_action === 'delete' ? 'DELETE_COMPLETE' : book.heat_action === 'create' ? 'CREATE_COMPLETE' : 'UPDATE_COMPLETE';
  if (stack.stack_status === expected) return { done: true, outcome: 'complete', message: '', stackId };
  return { done: true, outcome: 'failed', message: `${stack.stack_status}: ${stack.stack_status_reason ?? ''}`.trim(), stackId };
}

/** Reads the stack once and says whether the instance's action has finished. */
export async function pollInstance(heat: HeatClient, book: InstanceBook, stackId: string): Promise<Poll> {
  let stack;
  try {
    stack = await heat.show({ name: book.stack_name, id: stackId });
  } catch (err) {
    if (!isNotFound(err)) throw err;
    return book.heat_action === 'delete'
      ? { done: true, outcome: 'complete', message: '' }
      : { done: true, outcome: 'failed', message: 'the Heat stack disappeared while it was being deployed' };
  }
  const status = stack.stack_status;
  if (status.endsWith('_IN_PROGRESS')) return { done: false };
  // Heat answers the PUT before its engine has moved the stack to UPDATE_IN_PROGRESS.
  // updated_time has one-second resolution, so a quick update can end looking
  // exactly like the baseline: then the stack's own newest event decides.
  if (book.heat_action === 'update' && book.baseline && !differs(book.baseline, stack)) {
    const ref = { name: book.stack_name, id: stackId };
    const latest = await heat.events(ref, { resource_name: book.stack_name, sort_dir: 'desc', limit: 1 });
    const event = latest[0];
    if (!event || event.id === book.baseline.event_id || event.resource_status.endsWith('_IN_PROGRESS')) return { done: false };
  }
  return settledOutcome(book, stack, stackId);
}
