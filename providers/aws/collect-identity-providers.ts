import {
  DescribeIdentityProviderConfigCommand,
  type EKSClient,
  type IdentityProviderConfig,
  paginateListIdentityProviderConfigs,
} from '@aws-sdk/client-eks';
import type { Part } from '../../core/snapshot';
import type { EksIdentityProviderConfig } from '../../core/snapshot-eks';
import { toWire } from '../../core/wire';
import { allPages, listThenDescribe } from './list-then-describe';

/** ListIdentityProviderConfigs (every page) → DescribeIdentityProviderConfig for each. */
export function collectIdentityProviderConfigs(
  eks: EKSClient,
  clusterName: string,
): Promise<Part<EksIdentityProviderConfig[]>> {
  return listThenDescribe({
    listOperation: 'eks:ListIdentityProviderConfigs',
    describeOperation: 'eks:DescribeIdentityProviderConfig',
    resource: clusterName,
    list: () =>
      allPages(
        paginateListIdentityProviderConfigs({ client: eks }, { clusterName }),
        (p) => p.identityProviderConfigs,
      ),
    nameOf: (c: IdentityProviderConfig) => `${c.type}/${c.name}`,
    describe: async (c: IdentityProviderConfig) => {
      const out = await eks.send(
        new DescribeIdentityProviderConfigCommand({
          clusterName,
          identityProviderConfig: { type: c.type, name: c.name },
        }),
      );
      return out.identityProviderConfig === undefined
        ? undefined
        : toWire(out.identityProviderConfig);
    },
  });
}
