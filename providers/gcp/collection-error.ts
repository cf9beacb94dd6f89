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
  // fetch reports a refused or reset connection as `TypeError: fetch failed` with the
  // system error (ECONNREFUSED...) as its cause.
  const cause = (e as { cause?: { code?: unknown } }).cause;
  const network = typeof cause?.code === 'string' ? cause.code : undefined;
  const code =
    typeof e.status === 'string' && e.status !== ''
      ? e.status
      : e.code !== undefined && e.code !== null && e.code !== ''
        ? String(e.code)
        : (network ?? (e.name || 'Error'));
  const message = network && !e.message.includes(network) ? `${e.message} (${network})` : e.message;
  return { ...base, code, message: message || code };
}
