import { EKSClient, paginateListClusters } from '@aws-sdk/client-eks';
import { STSClient } from '@aws-sdk/client-sts';
import type { CallLimiter } from '../../core/call-limiter';
import { assumeRoleCredentials } from './assume-role';
import { limitCalls } from './call-limit';
import { type CallerIdentity, callerIdentity } from './caller-identity';
import type { AwsCredentials } from './collector-options';

export interface EksClusterListerOptions {
  /** The Region of the STS calls. */
  region: string;
  /** One base URL for every AWS client (a local stand-in of the APIs); default: the real endpoints. */
  endpoint?: string;
  /** Default: the SDK's default credential chain. */
  credentials?: AwsCredentials;
  maxAttempts?: number;
  /** The role to assume in an account that is not the caller's own. */
  assumeRole?: { roleName: string; externalId?: string };
  /** Calls in flight (the process's AWS limiter); default: unlimited. */
  calls?: CallLimiter;
}

/** Lists the EKS clusters of an account+region for discover (pipeline/split-targets.ts). */
export interface EksClusterLister {
  /** The cluster names (eks:ListClusters, every page), through the member role elsewhere. */
  listClusters(account: string, region: string): Promise<string[]>;
}

/**
 * One assumed session per account, shared by that account's regions: an account costs one
 * AssumeRole however many of its regions are listed (and most regions have no cluster).
 */
export function createEksClusterLister(opts: EksClusterListerOptions): EksClusterLister {
  const config = (region: string, credentials?: AwsCredentials) => ({
    region,
    ...(opts.endpoint === undefined ? {} : { endpoint: opts.endpoint }),
    ...(opts.maxAttempts === undefined ? {} : { maxAttempts: opts.maxAttempts }),
    ...(credentials === undefined ? {} : { credentials }),
  });
  const sts = limitCalls(new STSClient(config(opts.region, opts.credentials)), opts.calls);
  let caller: Promise<CallerIdentity> | undefined;
  const whoAmI = (): Promise<CallerIdentity> => {
    caller ??= callerIdentity(sts);
    caller.catch(() => {
      caller = undefined;
    });
    return caller;
  };
  // A denied AssumeRole is kept too: the account's other regions fail at once, without a call.
  const sessions = new Map<string, Promise<AwsCredentials | undefined>>();
  const credentialsFor = (account: string): Promise<AwsCredentials | undefined> => {
    let session = sessions.get(account);
    if (session === undefined) {
      session = (async () => {
        const role = opts.assumeRole;
        const me = role ? await whoAmI() : undefined;
        if (!me || !role || account === me.account) return opts.credentials;
        const provider = assumeRoleCredentials(
          sts,
          `arn:${me.partition}:iam::${account}:role/${role.roleName}`,
          role.externalId === undefined ? {} : { externalId: role.externalId },
        );
        await provider();
        return provider;
      })();
      sessions.set(account, session);
    }
    return session;
  };

  return {
    async listClusters(account, region) {
      const eks = limitCalls(
        new EKSClient(config(region, await credentialsFor(account))),
        opts.calls,
      );
      try {
        const names: string[] = [];
        for await (const page of paginateListClusters({ client: eks }, {})) {
          names.push(...(page.clusters ?? []));
        }
        return names;
      } finally {
        eks.destroy();
      }
    },
  };
}
