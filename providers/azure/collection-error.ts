import { isRestError } from '@azure/core-rest-pipeline';
import type { CollectionError } from '../../core/snapshot';
import { ArmError } from './arm-rest';

/**
 * A failed Azure call as a snapshot error. The code is ARM's error code (`AuthorizationFailed`,
 * `ResourceNotFound`...) when the response carried one, else the HTTP status, else the error name.
 */
export function toAzureCollectionError(
  operation: string,
  error: unknown,
  resource?: string,
): CollectionError {
  const base = resource === undefined ? { operation } : { operation, resource };
  if (error instanceof ArmError) return { ...base, code: error.code, message: error.message };
  if (isRestError(error)) {
    const code = error.code ?? (error.statusCode ? String(error.statusCode) : 'RestError');
    return { ...base, code, message: error.message || code };
  }
  if (error instanceof Error)
    return { ...base, code: error.name || 'Error', message: error.message };
  return { ...base, code: 'Error', message: String(error) };
}
