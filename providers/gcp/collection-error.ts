import type { CollectionError } from '../../core/snapshot';

/**
 * A failed Google API call as a snapshot error. The code is the API's status name
 * (`PERMISSION_DENIED`, `NOT_FOUND`...) when the error carries one, else the HTTP status or the
 * gRPC code, else the error's name.
 */
export function toCollectionError(
  operation: string,
  error: unknown,
  resource?: string,
): CollectionError {
  const base = resource === undefined ? { operation } : { operation, resource };
  if (!(error instanceof Error)) return { ...base, code: 'Error', message: String(error) };
  const e = error as Error & { status?: unknown; code?: unknown; reason?: unknown };
  const code =
    typeof e.status === 'string' && e.status !== ''
      ? e.status
      : e.code !== undefined && e.code !== null && e.code !== ''
        ? String(e.code)
        : e.name || 'Error';
  return { ...base, code, message: e.message || code };
}
