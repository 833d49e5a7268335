// The single entry for every request, whether it came over Electron IPC or the
// browser host's HTTP: unknown channels and invalid requests are refused here,
// before a service sees them, and every outcome becomes a Result value.
import { z } from 'zod';
import { contract, isChannelName, type ChannelName, type ParsedRequestOf, type ResponseOf } from '../../shared/ipc/contract';
import { AppError, type ErrorPayload } from '../../shared/ipc/errors';
import type { Result } from '../../shared/ipc/result';
import { msg } from '../../shared/messages/message';
import { busyError } from '../library/write-transaction';

export type Handler<K extends ChannelName> = (request: ParsedRequestOf<K>) => Promise<ResponseOf<K>> | ResponseOf<K>;
/** Every channel must have exactly one handler: a missing one is a type error. */
export type HandlerTable = { [K in ChannelName]: Handler<K> };
/** A domain's part of the table (e.g. all `library.*` channels). */
export type DomainHandlers<P extends string> = { [K in ChannelName as K extends `${P}.${string}` ? K : never]: Handler<K> };

export interface DispatchLogger {
  error(message: string, meta?: Record<string, unknown>): void;
}

export class Dispatcher {
  constructor(
    private readonly handlers: HandlerTable,
    private readonly log: DispatchLogger = console,
  ) {}

  async dispatch(channelName: unknown, rawRequest: unknown): Promise<Result<unknown>> {
    if (!isChannelName(channelName)) {
      return failure(new AppError('UNKNOWN_CHANNEL', msg('ipc.unknownChannel', { channel: describe(channelName) })).toPayload());
    }
    const parsed = contract[channelName].request.safeParse(rawRequest ?? {});
    if (!parsed.success) {
      const issues = summarizeIssues(parsed.error);
      return failure(
        new AppError('BAD_REQUEST', msg('ipc.invalidRequest', { channel: channelName, issues }), {
          channel: channelName,
          issues: parsed.error.issues.map(issueToPlain),
        }).toPayload(),
      );
    }
    try {
      const handler = this.handlers[channelName] as (req: unknown) => unknown;
      const value = await handler(parsed.data);
      return { ok: true, value };
    } catch (err) {
      return failure(toErrorPayload(err, channelName, this.log));
    }
  }
}

export function toErrorPayload(err: unknown, where: string, log: DispatchLogger): ErrorPayload {
  if (err instanceof AppError) return err.toPayload();
  // A single-statement write that waited busy_timeout for another process's lock: say so, it is not a bug.
  const busy = busyError(null, err);
  if (busy) return busy.toPayload();
  // Anything else is a bug: log it in main with its stack, send only a message.
  log.error(`Unexpected error in ${where}`, { error: err instanceof Error ? err.stack : String(err) });
  return new AppError('INTERNAL', msg('ipc.unexpected', { where, cause: err instanceof Error ? err.message : String(err) })).toPayload();
}

function failure(error: ErrorPayload): Result<never> {
  return { ok: false, error };
}

function describe(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

function summarizeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.length ? i.path.join('.') : '(request)'}: ${i.message}`)
    .join('; ');
}

function issueToPlain(issue: z.core.$ZodIssue): Record<string, unknown> {
  return { path: issue.path.map(String), message: issue.message, code: issue.code };
}
