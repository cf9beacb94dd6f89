import type { Collector } from '../../core/collector';
import type { Cloud } from '../../core/provider';
import type { SharedCache } from '../../core/run-cache';
import type { RunConfig } from '../../pipeline/run-config';
import type { AwsCredentials } from '../../providers/aws/collector-options';
import type { CredentialSources } from '../shared/cloud-credentials';

export interface CollectorWiring {
  region: string;
  /**
   * The function role's credentials; default: the AWS SDK's default chain (in Lambda, the
   * execution role's session credentials).
   */
  awsCredentials?: AwsCredentials;
  /** Local stand-ins of the cloud APIs (tests, `npm start`); default: the real endpoints. */
  endpoints?: { aws?: string; google?: string; arm?: string };
  /**
   * The execution environment's cache of objects shared by targets (an account's IAM, a
   * Region's catalogs, a project's or subscription's shared objects; `environment-handler.ts`);
   * default: each collector its own, which lives one invocation.
   */
  sharedCache?: SharedCache;
}

/** Credentials are set up when a target of the cloud is collected, not before. */
function deferred(make: () => Promise<Collector>): Collector {
  let made: Promise<Collector> | undefined;
  return {
    collect: async (target, progress, listed) => {
      made ??= make();
      return (await made).collect(target, progress, listed);
    },
  };
}

/**
 * The collectors of one audit-target invocation. AWS: the function role, and the read-only
 * member role elsewhere. GCP and Azure: the credentials `gcp.credentials` / `azure.credentials`
 * name (keyless federation, or an opt-in secret read now from Secrets Manager). Made per
 * invocation, so credentials and clients live one invocation and secrets are read at most once
 * per invocation; the objects shared by targets live in `wiring.sharedCache`, the execution
 * environment's. A credentials failure fails only the targets of that cloud (audit-target
 * records it).
 *
 * Each cloud's collector and SDKs are imported when a target of that cloud comes: the bundle
 * keeps them in chunks of their own (infra/bundling), so a cold start of a GKE target never
 * loads or evaluates the AWS collector's clients or the Azure SDK.
 */
export function collectorsFor(
  config: RunConfig,
  wiring: CollectorWiring,
): Partial<Record<Cloud, Collector>> {
  let sources: Promise<CredentialSources> | undefined;
  const credentialSources = () => {
    sources ??= import('../shared/credential-sources').then((m) => m.credentialSources(wiring));
    return sources;
  };
  return {
    aws: deferred(async () => (await import('./aws-collector')).awsCollector(config, wiring)),
    gcp: deferred(async () =>
      (await import('./gcp-collector')).gcpCollector(config, wiring, await credentialSources()),
    ),
    azure: deferred(async () =>
      (await import('./azure-collector')).azureCollector(config, wiring, await credentialSources()),
    ),
  };
}
