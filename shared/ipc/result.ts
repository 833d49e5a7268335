import type { ErrorPayload } from './errors';

/** Errors cross the boundary as values: Electron only carries a thrown error's message. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: ErrorPayload): Result<never> => ({ ok: false, error });
