import { STSClient } from '@aws-sdk/client-sts';
import type { ClusterSnapshot } from '../core/snapshot';
import { type AwsTarget, Target } from '../core/target';
import { callerIdentity } from '../providers/aws/caller-identity';
import { toCollectionError } from '../providers/aws/collection-error';
import { createAwsCollector } from '../providers/aws/collector';
import { collectTargets } from './collect-targets';
import { InputError, UsageError } from './command';
import type { InputProblem } from './input-files';
import { type ScanProgress, SILENT_PROGRESS } from './progress';

export interface LiveAwsOptions {
  /** Regions to audit; empty means the region of the profile / environment. */
  regions: string[];
  profile?: string;
  /** One URL for every AWS call (a local stand-in of the APIs). */
  endpoint?: string;
}

const describe = (error: unknown): string => {
  const e = toCollectionError('', error);
  return `${e.code}: ${e.message}`;
};

/** The region the default chain resolves (AWS_REGION, the profile's `region`). */
async function defaultRegion(sts: STSClient): Promise<string> {
  try {
    return await sts.config.region();
  } catch {
    throw new InputError(
      'no AWS region: pass --region, set AWS_REGION, or set a region in the AWS profile',
    );
  }
}

/**
 * The caller's account in each region: the targets of a live scan with the default credential
 * chain. Bad regions are usage errors; unusable credentials are input errors.
 */
export async function liveAwsTargets(opts: LiveAwsOptions): Promise<AwsTarget[]> {
  const base = {
    ...(opts.profile === undefined ? {} : { profile: opts.profile }),
    ...(opts.endpoint === undefined ? {} : { endpoint: opts.endpoint }),
  };
  const probe = new STSClient({
    ...base,
    ...(opts.regions[0] === undefined ? {} : { region: opts.regions[0] }),
  });
  try {
    const regions = opts.regions.length > 0 ? opts.regions : [await defaultRegion(probe)];
    let account: string;
    try {
      ({ account } = await callerIdentity(probe));
    } catch (error) {
      throw new InputError(
        `AWS credentials could not be used (sts:GetCallerIdentity failed with ${describe(error)})`,
      );
    }
    return [...new Set(regions)].map((region) => {
      const parsed = Target.safeParse({ cloud: 'aws', account, region });
      if (!parsed.success || parsed.data.cloud !== 'aws') {
        throw new UsageError(`--region ${region}: not an AWS region such as eu-west-1`);
      }
      return parsed.data;
    });
  } finally {
    probe.destroy();
  }
}

/**
 * Collects every EKS cluster of the caller's account in the requested regions. A target that
 * failed (or a cluster that could not be described) is a problem; the rest is returned.
 */
export async function collectLiveAws(
  opts: LiveAwsOptions,
  progress: ScanProgress = SILENT_PROGRESS,
): Promise<{ snapshots: ClusterSnapshot[]; targets: AwsTarget[]; problems: InputProblem[] }> {
  const targets = await liveAwsTargets(opts);
  const collector = createAwsCollector({
    ...(opts.profile === undefined ? {} : { profile: opts.profile }),
    ...(opts.endpoint === undefined ? {} : { endpoint: opts.endpoint }),
  });
  return { targets, ...(await collectTargets(targets, collector, progress)) };
}
