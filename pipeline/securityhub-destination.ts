import {
  type Partition,
  SecurityHubClient,
  type SecurityHubClientConfig,
} from '@aws-sdk/client-securityhub';
import type { STSClient } from '@aws-sdk/client-sts';
import { assumeRoleCredentials } from '../providers/aws/assume-role';
import type { RunConfig } from './run-config';
import type { SecurityHubDestination } from './securityhub-sync';

/**
 * Throttled BatchImportFindings calls are retried by the SDK with client-side rate limiting
 * (adaptive mode) and more attempts than the default 3 (notes: prowler#5004, cloud-custodian#6783).
 */
export const SECURITY_HUB_RETRY = { retryMode: 'adaptive', maxAttempts: 8 } as const;

export interface DestinationOptions {
  config: Pick<RunConfig, 'securityHub' | 'aws'>;
  /** The auditor's own account and partition (sts:GetCallerIdentity). */
  account: string;
  partition: Partition;
  /** The central Region (the configured one, else the run's own). */
  region: string;
  /** Client settings besides region and credentials (an endpoint for the sandbox). */
  clientConfig?: Omit<SecurityHubClientConfig, 'region' | 'credentials'>;
  /** Credentials of the auditor itself; default: the SDK's chain. */
  credentials?: SecurityHubClientConfig['credentials'];
  /** Assumes the member role for `owner-account` imports. */
  sts: STSClient;
}

/**
 * The Security Hub destination of a run: the central client in the auditor account and, in
 * `owner-account` mode, clients in member accounts through the member role (the role the
 * collectors use, which also allows `securityhub:BatchImportFindings` on the account's own
 * product), one per account and Region, made on first use.
 */
export function securityHubDestination(
  opts: DestinationOptions,
): SecurityHubDestination & { destroy(): void } {
  const base = { ...SECURITY_HUB_RETRY, ...opts.clientConfig };
  const central = new SecurityHubClient({
    ...base,
    region: opts.region,
    ...(opts.credentials ? { credentials: opts.credentials } : {}),
  });
  const members = new Map<string, SecurityHubClient>();
  const { memberRoleName, externalId } = opts.config.aws;
  const memberClient = async (account: string, region: string) => {
    const key = `${account}/${region}`;
    let client = members.get(key);
    if (!client) {
      const roleArn = `arn:${opts.partition}:iam::${account}:role/${memberRoleName}`;
      // The auditor's own account, in another Region: its own credentials, no role to assume.
      const credentials =
        account === opts.account
          ? opts.credentials
          : assumeRoleCredentials(opts.sts, roleArn, {
              sessionName: 'mk8s-audit-publish',
              ...(externalId === undefined ? {} : { externalId }),
            });
      client = new SecurityHubClient({ ...base, region, ...(credentials ? { credentials } : {}) });
      members.set(key, client);
    }
    return client;
  };
  return {
    client: central,
    account: opts.account,
    region: opts.region,
    partition: opts.partition,
    mode: opts.config.securityHub.mode,
    refreshAfterDays: opts.config.securityHub.refreshAfterDays,
    memberClient,
    destroy() {
      central.destroy();
      for (const c of members.values()) c.destroy();
    },
  };
}
