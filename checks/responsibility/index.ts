import type { CheckMeta } from '../../core/check';
import { Provider } from '../../core/provider';
import { FAMILY_RESPONSIBILITY } from './families';
import { PROVIDER_MODELS } from './providers';
import type { ResponsibilityRow } from './types';

export { PROVIDER_MODELS } from './providers';

/** Who owns a check family's setting on one cloud, citing the provider's page. */
export function responsibilityOf(
  family: string,
  provider: Provider,
): ResponsibilityRow | undefined {
  const base = FAMILY_RESPONSIBILITY[family];
  if (!base) return undefined;
  const cloud = base.clouds?.[provider] ?? {};
  return {
    family,
    provider,
    owner: cloud.owner ?? base.owner,
    providerDoes: cloud.providerDoes ?? base.providerDoes,
    customerConfigures: cloud.customerConfigures ?? base.customerConfigures,
    source: PROVIDER_MODELS[provider].url,
  };
}

/** The matrix for a set of checks: one row per family and cloud that has a check. */
export function responsibilityMatrix(
  checks: readonly { meta: Pick<CheckMeta, 'family' | 'provider'> }[],
): ResponsibilityRow[] {
  const seen = new Set<string>();
  const rows: ResponsibilityRow[] = [];
  for (const { meta } of checks) {
    const key = `${meta.family} ${meta.provider}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const row = responsibilityOf(meta.family, meta.provider);
    if (row) rows.push(row);
  }
  const rank = (p: Provider) => Provider.options.indexOf(p);
  return rows.sort(
    (a, b) => a.family.localeCompare(b.family) || rank(a.provider) - rank(b.provider),
  );
}

/** The matrix and provider statements as the report takes them. */
export function responsibilityForReport(
  checks: readonly { meta: Pick<CheckMeta, 'family' | 'provider'> }[],
) {
  return { rows: responsibilityMatrix(checks), providers: Object.values(PROVIDER_MODELS) };
}
