// Refusals in the seed's error shape: {error_code (11 chars), error_msg,
// encoded_authorization_message}. Codes are "SS.<http>.<nnnn>" (11 chars) so
// the HTTP status the seed would answer is readable from the code. They are
// append-only: saved operation records and translations refer to them.
import type { ErrorPayload } from '../ipc/errors';
import { englishText, type Message } from '../messages/message';

export const STACK_SET_ERRORS = {
  nameInvalid: 'SS.400.0001',
  nameTaken: 'SS.400.0002',
  staleSetId: 'SS.400.0003',
  /** Seed 1.4: a version that "needs editing" can only be edited, so no set deploys it. */
  versionNeedsEditing: 'SS.400.0004',
  setNotFound: 'SS.404.0001',
  permissionModelInvalid: 'SS.400.0010',
  administrationAgency: 'SS.400.0011',
  managedAgency: 'SS.400.0012',
  agencyTooLong: 'SS.400.0013',
  regionsInvalid: 'SS.400.0020',
  domainTargetsExclusive: 'SS.400.0021',
  domainIdInvalid: 'SS.400.0022',
  csvTooLarge: 'SS.400.0023',
  csvEmptyId: 'SS.400.0024',
  csvNotUtf8: 'SS.400.0025',
  regionNotManaged: 'SS.400.0026',
  domainNotManaged: 'SS.400.0027',
  noInstancesSelected: 'SS.400.0028',
  instanceExists: 'SS.400.0029',
  domainIdsUriInvalid: 'SS.400.0030',
  concurrencyTypeInvalid: 'SS.400.0040',
  regionOrderNotSequential: 'SS.400.0041',
  regionOrderMismatch: 'SS.400.0042',
  toleranceExclusive: 'SS.400.0043',
  toleranceOutOfRange: 'SS.400.0044',
  concurrencyExclusive: 'SS.400.0045',
  concurrencyOutOfRange: 'SS.400.0046',
  concurrencyAboveTolerance: 'SS.400.0047',
  toleranceModeInvalid: 'SS.400.0048',
  preferenceUnknown: 'SS.400.0049',
  actionInvalid: 'SS.400.0050',
  operationIdInvalid: 'SS.400.0051',
  operationNotActive: 'SS.400.0052',
  instanceUnknown: 'SS.400.0053',
  instanceNotStartable: 'SS.400.0054',
  instanceNotRunning: 'SS.400.0055',
  stateInvalid: 'SS.400.0056',
  /** Keystone or Heat rejected a joined profile's token (password changed, token revoked). */
  tokenRejected: 'SS.401.0001',
  /** Heat's policy does not allow the request for a joined project (e.g. an admin-only resource type). */
  projectForbidden: 'SS.403.0001',
  /** The set already has MAX_QUEUED_OPERATIONS operations waiting. */
  tooManyQueued: 'SS.429.0001',
  /** The cloud asked the studio to slow down (its own 429). */
  cloudRateLimited: 'SS.429.0002',
  /** Heat failed with an internal error (5xx) while the request was checked. */
  heatFailed: 'SS.500.0001',
} as const;

/** Operations a set may hold waiting behind its running one: a loop of requests cannot pile up hours of work. */
export const MAX_QUEUED_OPERATIONS = 5;

export type StackSetErrorCode = (typeof STACK_SET_ERRORS)[keyof typeof STACK_SET_ERRORS];

/** The seed's error body, exactly. */
export interface SeedErrorBody {
  error_code: StackSetErrorCode;
  error_msg: string;
  encoded_authorization_message: string;
}

/** The body plus what the app needs to point at the cause. */
export type SeedHttpStatus = 400 | 401 | 403 | 404 | 429 | 500;

export interface StackSetError extends SeedErrorBody {
  http_status: SeedHttpStatus;
  /** error_msg as data (shared/messages), worded in the reader's language; error_msg keeps the English the seed's API answers with. */
  msg?: Message;
  /** The request field at fault, as a dotted path (e.g. "operation_preferences.region_order"). */
  field: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; error: StackSetError };

export function accept<T>(value: T): Checked<T> {
  return { ok: true, value };
}

/** The HTTP status a code stands for: its middle part ("SS.<http>.<nnnn>"). */
export function httpStatusOf(code: StackSetErrorCode): SeedHttpStatus {
  return Number(code.slice(3, 6)) as SeedHttpStatus;
}

/** `authorization`: the encoded_authorization_message of a 401/403 (main encodes it). */
export function refuse(code: StackSetErrorCode, field: string, message: string | Message, authorization = ''): { ok: false; error: StackSetError } {
  const error_msg = typeof message === 'string' ? message : englishText(message);
  // Only a 401/403 carries what was refused to whom; a validation refusal has none.
  const error: StackSetError = { error_code: code, error_msg, encoded_authorization_message: authorization, http_status: httpStatusOf(code), field };
  if (typeof message !== 'string') error.msg = message;
  return { ok: false, error };
}

/** What a seed-compatible API answer would carry: the three documented fields and nothing else. */
export function seedErrorBody(error: StackSetError): SeedErrorBody {
  return {
    error_code: error.error_code,
    error_msg: error.error_msg,
    encoded_authorization_message: error.encoded_authorization_message,
  };
}

const IPC_CODE_OF: Record<SeedHttpStatus, ErrorPayload['code']> = {
  400: 'BAD_REQUEST',
  401: 'AUTH_FAILED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  429: 'RATE_LIMITED',
  500: 'CLOUD_ERROR',
};

/** How a refusal crosses the IPC boundary (shared/ipc error envelope). */
export function toErrorPayload(error: StackSetError): ErrorPayload {
  return {
    code: IPC_CODE_OF[error.http_status],
    message: error.error_msg,
    details: { error_code: error.error_code, field: error.field },
    ...(error.msg ? { msg: error.msg } : {}),
  };
}
