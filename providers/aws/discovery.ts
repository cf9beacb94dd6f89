import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { OrganizationsClient, paginateListAccounts } from '@aws-sdk/client-organizations';
import { STSClient } from '@aws-sdk/client-sts';
import { assumeRoleCredentials } from './assume-role';
import { type CallerIdentity, callerIdentity } from './caller-identity';
import type { AwsCredentials } from './collector-options';

export interface AwsDiscoveryOptions {
  /** The Region of the STS, Organizations and EC2 calls (Organizations is global). */
  region: string;
  /** One base URL for every AWS client (a local stand-in of the APIs); default: the real endpoints. */
  endpoint?: string;
  /** Default: the SDK's default credential chain. */
  credentials?: AwsCredentials;
  maxAttempts?: number;
  /** The role to assume in an account that is not the caller's own, to list its regions. */
  assumeRole?: { roleName: string; externalId?: string };
}

/** What `discover` asks of AWS (pipeline/discover.ts `AwsDiscoveryHooks`). */
export interface AwsDiscovery {
  /** Every ACTIVE account of the caller's AWS Organization (organizations:ListAccounts). */
  listOrganizationAccounts(): Promise<string[]>;
  /** The regions enabled in `account` (ec2:DescribeRegions there, through the member role). */
  listEnabledRegions(account: string): Promise<string[]>;
}

/** AWS target discovery over the real SDK clients. */
export function createAwsDiscovery(opts: AwsDiscoveryOptions): AwsDiscovery {
  const config = (credentials?: AwsCredentials) => ({
    region: opts.region,
    ...(opts.endpoint === undefined ? {} : { endpoint: opts.endpoint }),
    ...(opts.maxAttempts === undefined ? {} : { maxAttempts: opts.maxAttempts }),
    ...(credentials === undefined ? {} : { credentials }),
  });
  let caller: Promise<CallerIdentity> | undefined;
  const whoAmI = (): Promise<CallerIdentity> => {
    if (caller === undefined) {
      const sts = new STSClient(config(opts.credentials));
      caller = callerIdentity(sts).finally(() => sts.destroy());
    }
    return caller;
  };

  return {
    async listOrganizationAccounts() {
      const client = new OrganizationsClient(config(opts.credentials));
      try {
        const accounts: string[] = [];
        for await (const page of paginateListAccounts({ client }, {})) {
          for (const a of page.Accounts ?? []) {
            // `State` replaces the deprecated `Status`; either says ACTIVE for a usable account.
            const state = a.State ?? a.Status;
            if (a.Id && state === 'ACTIVE') accounts.push(a.Id);
          }
        }
        return accounts;
      } finally {
        client.destroy();
      }
    },

    async listEnabledRegions(account) {
      const me = await whoAmI();
      let credentials = opts.credentials;
      let sts: STSClient | undefined;
      if (account !== me.account && opts.assumeRole) {
        sts = new STSClient(config(opts.credentials));
        credentials = assumeRoleCredentials(
          sts,
          `arn:${me.partition}:iam::${account}:role/${opts.assumeRole.roleName}`,
          opts.assumeRole.externalId === undefined
            ? {}
            : { externalId: opts.assumeRole.externalId },
        );
      }
      const ec2 = new EC2Client(config(credentials));
      try {
        // Without AllRegions, DescribeRegions lists only the regions enabled in the account.
        const out = await ec2.send(new DescribeRegionsCommand({}));
        return (out.Regions ?? [])
          .filter((r) => r.OptInStatus !== 'not-opted-in')
          .flatMap((r) => (r.RegionName ? [r.RegionName] : []));
      } finally {
        ec2.destroy();
        sts?.destroy();
      }
    },
  };
}
