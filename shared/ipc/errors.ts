// Stable error codes that cross the main/renderer boundary. The renderer maps
// each to a translated message; `details` carries the specifics (file, line,
// HTTP status, request id). Codes are append-only: renaming one breaks saved
// error reports and the renderer's translations.
import { englishText, type Message } from '../messages/message';
export const ERROR_CODES = [
  // request / contract
  'BAD_REQUEST', // a request that failed its schema (missing/wrong field)
  'UNKNOWN_CHANNEL',
  'NOT_FOUND',
  'CONFLICT', // e.g. a name that exists, Heat 409
  'INTERNAL',
  // library / files
  'DB_CORRUPT',
  'DB_TOO_NEW',
  'TEMPLATE_INVALID',
  'IMPORT_FAILED',
  'FILE_TOO_LARGE',
  'PATH_ESCAPE',
  // cloud
  'AUTH_FAILED', // 401 / wrong credentials
  'FORBIDDEN', // 403
  'NO_ENDPOINT', // catalog without orchestration (or region)
  'CLOUD_UNREACHABLE', // connection refused, DNS, reset
  'TLS_ERROR',
  'TIMEOUT', // 408 / 504 / client-side timeout
  'RATE_LIMITED', // 429
  'BAD_RESPONSE', // HTML or garbage where JSON was expected
  'CLOUD_ERROR', // any other Heat/Keystone error, with status in details
  'NOT_IMPLEMENTED_BY_CLOUD', // 501 / 405
  'SERVICE_UNAVAILABLE', // 502 / 503
  'QUOTA_EXCEEDED',
  'READ_ONLY', // e.g. editing a recommended system template in place
  // cloud client
  'NOT_KEYSTONE', // the auth URL answers, but not as a Keystone v3 identity endpoint
  'SECRETS_UNAVAILABLE', // the OS keyring / key file cannot decrypt a stored secret
  'PROFILE_INVALID', // a profile (or an imported clouds.yaml/openrc) lacks what auth needs
  // library (appended: codes are append-only)
  'DB_BUSY', // another process held the library file's write lock past busy_timeout
  'VALUE_NOT_IN_CLOUD', // a value typed for a deploy names an image, flavor, key pair... the cloud does not hold
  // security (appended)
  'HOST_UNAUTHORIZED', // a browser-host request without the host's per-start secret
  'SECRET_NEEDED', // a profile re-pointed (Keystone, Heat override, CA, insecure) without its secret entered again
  // library status (appended)
  'NEEDS_EDITING', // SPEC 1.4: a version whose status is "needs editing" can only be edited, not deployed or exported as an app
  // deployments (appended)
  'STACK_IN_USE', // deleting a stack another deployment uses as an existing resource (seed 5.2)
  // several libraries (appended)
  'LIBRARY_UNAVAILABLE', // a library path that is missing, read-only, locked, or not a Heat Studio library
  // git-bound libraries (appended)
  'GIT_UNAVAILABLE', // no git on PATH (or HEAT_STUDIO_GIT points at nothing runnable)
  'GIT_FAILED', // a git command failed; details.reason holds git's words
  'GIT_CONFLICT', // a pull's merge waits for its conflicts to be resolved
  'GIT_PUSH_REJECTED', // the server refused a push; the local commit is kept
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorPayload {
  code: ErrorCode;
  /** English, for logs and any reader without the tables. */
  message: string;
  details?: Record<string, unknown>;
  /** The same message as data (shared/messages), worded by the reader in their language. */
  msg?: Message;
}

/** The one error type services throw; the dispatcher turns it into a value. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;
  /** The message as a key and parameters; absent for an error still written as plain English. */
  readonly msg: Message | undefined;
  constructor(code: ErrorCode, message: string | Message, details?: Record<string, unknown>) {
    super(typeof message === 'string' ? message : englishText(message));
    this.name = 'AppError';
    this.code = code;
    this.details = details;
    this.msg = typeof message === 'string' ? undefined : message;
  }
  toPayload(): ErrorPayload {
    const payload: ErrorPayload = { code: this.code, message: this.message };
    if (this.details !== undefined) payload.details = this.details;
    if (this.msg !== undefined) payload.msg = this.msg;
    return payload;
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
