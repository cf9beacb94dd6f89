import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CallLimiter } from '../../core/call-limiter';
import type { Cloud } from '../../core/provider';
import type { Target } from '../../core/target';
import { createAwsCollector } from '../../providers/aws/collector';
import { createAzureCollector } from '../../providers/azure/collector';
import { createGcpCollector } from '../../providers/gcp/collector';
import { awsClientConfig, fakeAzureCredential, fakeGoogleAuthClient } from '../../sandbox/clients';
import { loadEstate } from '../../sandbox/estate';
import { SAMPLE_ESTATE_FILE } from '../../sandbox/sample-estate';
import { type Sandbox, startSandbox } from '../../sandbox/server';
import { syntheticEstate } from '../../sandbox/synthetic-estate';

let sb: Sandbox;
beforeAll(async () => {
  const estate = syntheticEstate(loadEstate(SAMPLE_ESTATE_FILE), {
    aws: { accounts: 1, regions: ['us-east-1', 'eu-west-1'], clustersPerRegion: 6 },
    gcp: { projects: 1, clustersPerProject: 6 },
    azure: { subscriptions: 1, clustersPerSubscription: 6 },
  });
  // A little latency, so that calls overlap when they are allowed to.
  sb = await startSandbox({ estate, faults: [{ kind: 'latency', latencyMs: 5 }] });
});
afterAll(async () => {
  await sb.stop();
});

/** A limiter that records the most calls it ever had in flight. */
function watched(limit: number): CallLimiter & { peak: () => number } {
  let inFlight = 0;
  let peak = 0;
  const limiter = new CallLimiter(limit);
  const run = limiter.run.bind(limiter);
  return Object.assign(limiter, {
    peak: () => peak,
    run: <T>(call: () => Promise<T>) =>
      run(async () => {
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        try {
          return await call();
        } finally {
          inFlight -= 1;
        }
      }),
  });
}

describe('per-cloud call limits over the real SDK clients', () => {
  it('puts every call of each collector through its limiter, never above the limit', async () => {
    const calls: Record<Cloud, ReturnType<typeof watched>> = {
      aws: watched(3),
      gcp: watched(2),
      azure: watched(2),
    };
    const { credentials } = awsClientConfig(sb.url);
    const aws = createAwsCollector({ endpoint: sb.url, credentials, calls: calls.aws });
    const gcp = createGcpCollector({
      endpoint: sb.url,
      authClient: fakeGoogleAuthClient(),
      calls: calls.gcp,
    });
    const azure = createAzureCollector({
      endpoint: sb.url,
      credential: fakeAzureCredential,
      calls: calls.azure,
    });
    const account = Object.keys(sb.state.estate.aws?.accounts ?? {})[0] ?? '';
    const project = Object.keys(sb.state.estate.gcp?.projects ?? {})[0] ?? '';
    const subscription = Object.keys(sb.state.estate.azure?.subscriptions ?? {})[0] ?? '';
    const targets: Target[] = [
      { cloud: 'aws', account, region: 'us-east-1' },
      { cloud: 'aws', account, region: 'eu-west-1' },
    ];
    const out = await Promise.all([
      ...targets.map((t) => aws.collect(t)),
      gcp.collect({ cloud: 'gcp', project }),
      azure.collect({ cloud: 'azure', subscription }),
    ]);
    expect(out.map((o) => o.snapshots.length)).toEqual([6, 6, 6, 6]);

    expect(calls.aws.calls).toBe(sb.counters.get('*', account));
    expect(calls.gcp.calls).toBe(sb.counters.get('*', project));
    expect(calls.azure.calls).toBe(sb.counters.get('*', subscription));
    expect(calls.aws.peak()).toBe(3);
    expect(calls.gcp.peak()).toBe(2);
    expect(calls.azure.peak()).toBe(2);
  });

  it('fetches IAM once per account and the add-on catalog once per Region across targets', () => {
    // Two Regions of one account: IAM is global, so its roles are listed once.
    expect(sb.counters.get('iam:ListRoles')).toBe(1);
    expect(sb.counters.get('iam:ListOpenIDConnectProviders')).toBe(1);
    // Six GKE clusters on one subnetwork: it is read once.
    expect(sb.counters.get('compute:subnetworks.get')).toBe(1);
  });
});
