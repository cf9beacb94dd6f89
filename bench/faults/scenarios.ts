import type { Cloud } from '../../core/provider';
import type { FaultRule } from '../../sandbox/faults';

/**
 * One way the world goes wrong during a run of the sample estate (sandbox/estates/sample.json:
 * AWS accounts 111122223333 and 444455556666 in us-east-2 and eu-west-1, GCP projects
 * acme-prod-gke and acme-dev-gke, two Azure subscriptions).
 */
export interface FaultScenario {
  name: string;
  /** What goes wrong, in one sentence. */
  description: string;
  /** Sandbox faults active during the faulted run. */
  faults?: FaultRule[];
  /** This cloud's APIs refuse connections during the faulted run. */
  unreachable?: Cloud;
  /** PutObject requests the S3 proxy fails (503 SlowDown) during the faulted run. */
  s3WriteFailures?: number;
  /** The faulted run's per-target deadline (with a latency fault making one target miss it). */
  targetTimeoutMs?: number;
  /**
   * A clean run the day before fills Security Hub and S3 (default). Without it the faulted run
   * is the first import, so a finding Security Hub rejects is not there from the day before.
   */
  warmup?: boolean;
  /** A transient fault: the SDKs' retries must absorb it and leave no gap. */
  transient: boolean;
}

const DEV_AWS = '444455556666';
const DEV_GCP = 'acme-dev-gke';
const DEV_AZURE = '9c7d6e5f-4a3b-4c2d-8e1f-0a9b8c7d6e52';

export const SCENARIOS: readonly FaultScenario[] = [
  {
    name: 'throttling-30pct',
    description: 'every API of every cloud (Security Hub included) throttles 30% of calls',
    faults: [{ kind: 'throttle', probability: 0.3, retryAfterSeconds: 0 }],
    transient: true,
  },
  {
    name: 'server-error-bursts',
    description: 'bursts of 500/503 answers from EKS, EC2, IAM, GKE, Compute and ARM',
    faults: [
      { kind: 'server-error', operation: 'eks:*', status: 503, times: 6 },
      { kind: 'server-error', operation: 'ec2:*', status: 500, times: 6 },
      { kind: 'server-error', operation: 'iam:*', status: 500, times: 6 },
      { kind: 'server-error', operation: 'container:*', status: 503, times: 6 },
      { kind: 'server-error', operation: 'compute:*', status: 500, times: 6 },
      { kind: 'server-error', operation: 'containerservice:*', status: 500, times: 6 },
      { kind: 'server-error', operation: 'securityhub:*', status: 503, times: 2 },
    ],
    transient: true,
  },
  {
    name: 'access-denied-aws-account',
    description: `every call into AWS account ${DEV_AWS} is denied (AssumeRole included)`,
    faults: [{ kind: 'access-denied', target: DEV_AWS }],
    transient: false,
  },
  {
    name: 'access-denied-gcp-project',
    description: `every call about GCP project ${DEV_GCP} is denied`,
    faults: [{ kind: 'access-denied', target: DEV_GCP }],
    transient: false,
  },
  {
    name: 'access-denied-azure-subscription',
    description: `every call in Azure subscription ${DEV_AZURE} is denied`,
    faults: [{ kind: 'access-denied', target: DEV_AZURE }],
    transient: false,
  },
  {
    name: 'cloud-unreachable-gcp',
    description: 'the Google Cloud APIs refuse every connection',
    unreachable: 'gcp',
    transient: false,
  },
  {
    name: 'cloud-unreachable-azure',
    description: 'Azure Resource Manager refuses every connection',
    unreachable: 'azure',
    transient: false,
  },
  {
    name: 'malformed-json',
    description: 'eks:DescribeNodegroup answers 200 with half a JSON body',
    faults: [{ kind: 'malformed', operation: 'eks:DescribeNodegroup' }],
    transient: false,
  },
  {
    name: 'cluster-deleted-mid-run',
    description: 'EKS cluster prod-web is listed, then every call about it answers not found',
    faults: [{ kind: 'disappear', cluster: 'prod-web' }],
    transient: false,
  },
  {
    name: 'target-timeout',
    // A deadline far above a healthy target's time, so only the slowed one misses it even on a
    // busy machine.
    description: `every call of ${DEV_AWS}/eu-west-1 takes 20 s; the target deadline is 15 s`,
    faults: [{ kind: 'latency', target: `${DEV_AWS}/eu-west-1`, latencyMs: 20_000 }],
    targetTimeoutMs: 15_000,
    transient: false,
  },
  {
    name: 'securityhub-rejects-findings',
    description: 'Security Hub rejects 20% of the findings of the first import (FailedFindings)',
    faults: [{ kind: 'reject-findings', probability: 0.2, times: 200 }],
    warmup: false,
    transient: true,
  },
  {
    name: 's3-write-fails-once',
    description: 'one S3 PutObject answers 503 SlowDown',
    s3WriteFailures: 1,
    transient: true,
  },
];
