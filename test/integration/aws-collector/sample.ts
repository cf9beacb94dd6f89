import type { EksSnapshot } from '../../../core/snapshot-eks';
import type { AwsTarget } from '../../../core/target';
import { createAwsCollector } from '../../../providers/aws/collector';
import { awsClientConfig } from '../../../sandbox/clients';
import { loadEstate } from '../../../sandbox/estate';
import { SAMPLE_ESTATE_FILE } from '../../../sandbox/sample-estate';
import { type Sandbox, startSandbox } from '../../../sandbox/server';

export const ACCOUNT = '111122223333';
export const target: AwsTarget = { cloud: 'aws', account: ACCOUNT, region: 'us-east-2' };

/** The sample estate served by a fresh sandbox. */
export const sampleSandbox = (): Promise<Sandbox> =>
  startSandbox({ estate: loadEstate(SAMPLE_ESTATE_FILE) });

/** The AWS collector pointed at a sandbox with the caller's credentials, one attempt per call. */
export async function collectSample(sb: Sandbox, t: AwsTarget = target) {
  const { endpoint, credentials } = awsClientConfig(sb.url);
  const collector = createAwsCollector({ endpoint, credentials, maxAttempts: 1 });
  const result = await collector.collect(t);
  const byName = new Map<string, EksSnapshot>();
  for (const s of result.snapshots) if (s.provider === 'eks') byName.set(s.ref.name, s);
  return { result, byName };
}
