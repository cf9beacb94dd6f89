import type { AnyCheck } from '../core/check';

/**
 * `checks/check-metas.json`: what publish needs of every check (the report's responsibility
 * matrix and continuous-compliance view), so the publish function loads no check's code.
 */
export function renderCheckMetas(checks: readonly AnyCheck[]): string {
  const metas = checks.map(({ meta: { id, provider, family, frameworks } }) => ({
    meta: { id, provider, family, frameworks },
  }));
  return `${JSON.stringify(metas, null, 2)}\n`;
}
