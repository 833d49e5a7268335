// A cloud's refusal met while a stack set request is checked, in the seed's
// error shape (seed 002: 401, 403, 429, 500 with error_code, error_msg,
// encoded_authorization_message). The cloud's own answer decides the status:
// Keystone or Heat rejecting the token is 401, Heat's policy refusing the
// project is 403, the cloud's 429 stays 429, Heat's internal error is 500.
// Anything else is not the request's fault in the seed's terms and is
// passed on as it is.
import { AppError } from '../../shared/ipc/errors';
import { listParam, msg, type Message } from '../../shared/messages/message';
import { refuse, STACK_SET_ERRORS as E, type StackSetError, type StackSetErrorCode } from '../../shared/stacksets/index';

export interface RequestFacts {
  /** What the studio was doing: "authenticate", "preview CREATE_STACK_INSTANCES"... */
  action: 'authenticate' | `preview ${string}`;
  field: string;
  profile?: string;
  project?: string;
  region?: string;
}

/** The seed's encoded_authorization_message: who asked what, where, and what the cloud said, as base64 JSON. */
export function encodeAuthorization(facts: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(facts), 'utf8').toString('base64');
}

export function decodeAuthorization(encoded: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')) as Record<string, unknown>;
}

function statusOf(err: AppError): number | undefined {
  const s = (err.details as { status?: unknown } | undefined)?.status;
  return typeof s === 'number' ? s : undefined;
}

function seedCodeOf(err: AppError): StackSetErrorCode | null {
  const status = statusOf(err);
  if (err.code === 'AUTH_FAILED') return E.tokenRejected;
  if (err.code === 'FORBIDDEN') return E.projectForbidden;
  if (err.code === 'RATE_LIMITED') return E.cloudRateLimited;
  if (err.code === 'SERVICE_UNAVAILABLE' || (err.code === 'CLOUD_ERROR' && status !== undefined && status >= 500)) return E.heatFailed;
  return null;
}

/** What the studio was doing, worded: "authenticate", "preview CREATE_STACK_INSTANCES" (the seed's action names stay as they are). */
function actionMessage(action: RequestFacts['action']): Message {
  return action === 'authenticate' ? msg('stackset.action.authenticate') : msg('stackset.action.preview', { action: action.slice('preview '.length) });
}

/** The seed-shaped error for a cloud refusal, or null when the seed's statuses do not cover it. */
export function seedErrorFromCloud(err: unknown, facts: RequestFacts): StackSetError | null {
  if (!(err instanceof AppError)) return null;
  const code = seedCodeOf(err);
  if (!code) return null;
  const where = [
    facts.profile && msg('stackset.where.profile', { name: facts.profile }),
    facts.project && msg('stackset.where.project', { id: facts.project }),
    facts.region && msg('stackset.where.region', { region: facts.region }),
  ].filter((m): m is Message => !!m);
  const message = msg('stackset.cloudRefused', {
    action: actionMessage(facts.action),
    where: where.length ? msg('stackset.cloudWhere', { parts: listParam(where) }) : '',
    // The cloud's error in the reader's language when it is one of ours (Keystone's 401 is).
    cause: err.msg ?? err.message,
  });
  const authorization =
    code === E.tokenRejected || code === E.projectForbidden
      ? encodeAuthorization({
          action: facts.action,
          profile: facts.profile ?? null,
          project: facts.project ?? null,
          region: facts.region ?? null,
          cloud_status: statusOf(err) ?? null,
          cloud_message: err.message,
        })
      : '';
  return refuse(code, facts.field, message, authorization).error;
}
