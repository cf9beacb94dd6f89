import { AccountClient, paginateListRegions, RegionOptStatus } from '@aws-sdk/client-account';
import {
  type Account,
  ListRootsCommand,
  OrganizationsClient,
  paginateListAccounts,
  paginateListAccountsForParent,
  paginateListChildren,
} from '@aws-sdk/client-organizations';
import { STSClient } from '@aws-sdk/client-sts';
import { assumeRoleCredentials } from './assume-role';
import { type CallerIdentity, callerIdentity } from './caller-identity';
import type { AwsCredentials } from './collector-options';

export interface AwsDiscoveryOptions {
  /** The Region of the STS, Organizations and Account calls (the last two are global). */
  region: string;
  /** One base URL for every AWS client (a local stand-in of the APIs); default: the real endpoints. */
  endpoint?: string;
  /** Default: the SDK's default credential chain. */
  credentials?: AwsCredentials;
  maxAttempts?: number;
  /** The role to assume in an account that is not the caller's own, to list its regions. */
  assumeRole?: { roleName: string; externalId?: string };
}

/** Which part of the organization to audit: OUs (or the root) with everything below them. */
export interface OrganizationScope {
  /** OU (`ou-...`) or root (`r-...`) ids; empty: the root, i.e. the whole organization. */
  include: readonly string[];
  /** OUs left out with everything below them, even inside an included OU. */
  exclude: readonly string[];
}

/** What `discover` asks of AWS (pipeline/discover.ts `AwsDiscoveryHooks`). */
export interface AwsDiscovery {
  /**
   * Every ACTIVE account of the caller's AWS Organization (organizations:ListAccounts), or of
   * the OUs of `scope` (ListAccountsForParent and ListChildren down the tree, ListRoots when
   * only exclusions are given).
   */
  listOrganizationAccounts(scope?: OrganizationScope): Promise<string[]>;
  /** The regions enabled in `account` (account:ListRegions there, through the member role). */
  listEnabledRegions(account: string): Promise<string[]>;
}

/**
 * The opt-in statuses of a usable region (Account API `RegionOptStatus`): regions enabled by
 * default, and opt-in regions the account has enabled.
 */
const ENABLED = [RegionOptStatus.ENABLED, RegionOptStatus.ENABLED_BY_DEFAULT] as const;

/** `State` replaces the deprecated `Status`; either says ACTIVE for a usable account. */
const activeIds = (accounts: Account[] | undefined): string[] =>
  (accounts ?? []).flatMap((a) => (a.Id && (a.State ?? a.Status) === 'ACTIVE' ? [a.Id] : []));

/** The ACTIVE accounts below the included OUs, walking the tree and skipping excluded OUs. */
async function accountsUnder(
  client: OrganizationsClient,
  scope: OrganizationScope,
): Promise<string[]> {
  const excluded = new Set(scope.exclude);
  let start = [...scope.include];
  if (start.length === 0) {
    const roots = await client.send(new ListRootsCommand({}));
    start = (roots.Roots ?? []).flatMap((r) => (r.Id ? [r.Id] : []));
  }
  const accounts = new Set<string>();
  const visited = new Set<string>();
  const queue = start.filter((id) => !excluded.has(id));
  for (let parent = queue.shift(); parent !== undefined; parent = queue.shift()) {
    if (visited.has(parent)) continue;
    visited.add(parent);
    for await (const page of paginateListAccountsForParent({ client }, { ParentId: parent })) {
      for (const id of activeIds(page.Accounts)) accounts.add(id);
    }
    for await (const page of paginateListChildren(
      { client },
      { ParentId: parent, ChildType: 'ORGANIZATIONAL_UNIT' },
    )) {
      for (const child of page.Children ?? []) {
        if (child.Id && !excluded.has(child.Id)) queue.push(child.Id);
      }
    }
  }
  return [...accounts];
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
    async listOrganizationAccounts(scope) {
      const client = new OrganizationsClient(config(opts.credentials));
      try {
        if (scope === undefined || (scope.include.length === 0 && scope.exclude.length === 0)) {
          const accounts: string[] = [];
          for await (const page of paginateListAccounts({ client }, {})) {
            accounts.push(...activeIds(page.Accounts));
          }
          return accounts;
        }
        return await accountsUnder(client, scope);
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
      // Called in the account itself (no AccountId), so it needs no trusted access for
      // Account Management in the organization, only account:ListRegions in the member role.
      const client = new AccountClient(config(credentials));
      try {
        const regions: string[] = [];
        for await (const page of paginateListRegions(
          { client },
          { RegionOptStatusContains: [...ENABLED] },
        )) {
          for (const r of page.Regions ?? []) {
            // Filtered again here: a region that is ENABLING, DISABLING or DISABLED is not audited.
            if (r.RegionName && ENABLED.some((s) => s === r.RegionOptStatus)) {
              regions.push(r.RegionName);
            }
          }
        }
        return regions;
      } finally {
        client.destroy();
        sts?.destroy();
      }
    },
  };
}
