import { parseRunConfig, type RunConfig } from '../pipeline/run-config';
import type { Estate } from '../sandbox/estate';

/**
 * The run configuration a user of the estate's clouds would write: every active AWS account in
 * every region the estate uses, every GCP project and every enabled Azure subscription, with
 * Security Hub import on.
 */
export function runConfigForEstate(estate: Estate, securityHubRegion: string): RunConfig {
  const accounts = Object.entries(estate.aws?.accounts ?? {}).filter(
    ([, a]) => a.status === 'ACTIVE',
  );
  const regions = new Set(accounts.flatMap(([, a]) => Object.keys(a.regions)));
  return parseRunConfig(
    {
      aws: { accounts: accounts.map(([id]) => id), regions: [...regions].sort() },
      gcp: { projects: Object.keys(estate.gcp?.projects ?? {}) },
      azure: {
        subscriptions: Object.entries(estate.azure?.subscriptions ?? {})
          .filter(([, s]) => s.state === 'Enabled')
          .map(([id]) => id),
      },
      securityHub: { enabled: true, region: securityHubRegion },
    },
    'the run configuration derived from the estate',
  );
}
