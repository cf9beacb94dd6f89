import type { CollectionError } from '../../core/snapshot';

/**
 * A failed SDK call as a snapshot error. The code is the SDK's exception name
 * (`AccessDeniedException`, `ThrottlingException`...), else the HTTP status, else `Error`.
 */
export function toCollectionError(
  operation: string,
  error: unknown,
  resource?: string,
): CollectionError {
  const base = resource === undefined ? { operation } : { operation, resource };
  if (!(error instanceof Error)) return { ...base, code: 'Error', message: String(error) };
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  const code =
    error.name && error.name !== 'Error' ? error.name : status ? String(status) : 'Error';
  return { ...base, code, message: error.message || code };
}
