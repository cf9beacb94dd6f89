import { findCheck } from '../../../checks';
import type { EksSnapshot } from '../../../core/snapshot-eks';
import type { AwsTarget } from '../../../core/target';
import { createAwsCollector } from '../../../providers/aws/collector';
import { awsClientConfig } from '../../../sandbox/clients';
import { loadEstate } from '../../../sandbox/estate';
import { SAMPLE_ESTATE_FILE } from '../../../sandbox/sample-estate';
import { type Sandbox, startSandbox } from '../../../sandbox/server';
import { evalContext } from '../../builders/eks';

export const ACCOUNT = '111122223333';
export const target: AwsTarget = { cloud: 'aws', account: ACCOUNT, region: 'us-east-2' };

/** The sample estate served by a fresh sandbox. */
export const sampleSandbox = (): Promise<Sandbox> =>
  startSandbox({ estate: loadEstate(SAMPLE_ESTATE_FILE) });

/** The AWS collector pointed at a sandbox with the caller's credentials, one attempt per call. */
export async function collectSample(sb: Sandbox, t: AwsTarget = target) {
  const { endpoint, credentials } = awsClientConfig(sb.url);
  const collector = createAwsCollector({
    endpoint,
    credentials,
    maxAttempts: 1,
    assumeRole: { roleName: 'mk8s-audit-read' },
  });
  const result = await collector.collect(t);
  const byName = new Map<string, EksSnapshot>();
  for (const s of result.snapshots) if (s.provider === 'eks') byName.set(s.ref.name, s);
  return { result, byName };
}

export function snap(byName: Map<string, EksSnapshot>, name: string): EksSnapshot {
  const s = byName.get(name);
  if (s === undefined) throw new Error(`cluster ${name} was not collected`);
  return s;
}

/** The outcomes of one EKS check on a snapshot. */
export function evalOne(id: string, snapshot: EksSnapshot) {
  const check = findCheck(id);
  if (check === undefined || check.meta.provider !== 'eks') throw new Error(`no EKS check ${id}`);
  const out = (check as { evaluate: (s: unknown, c: unknown) => unknown }).evaluate(
    snapshot,
    evalContext(),
  );
  return (Array.isArray(out) ? out : [out]) as { status: string; message: string }[];
}
