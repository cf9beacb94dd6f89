import {
  DescribeAddonCommand,
  type EKSClient,
  paginateDescribeAddonVersions,
  paginateListAddons,
} from '@aws-sdk/client-eks';
import { collected, failed, type Part } from '../../core/snapshot';
import type { EksAddon, EksAddonInfo } from '../../core/snapshot-eks';
import { toWire } from '../../core/wire';
import { toCollectionError } from './collection-error';
import { allPages, listThenDescribe } from './list-then-describe';

/** ListAddons (every page) → DescribeAddon for each; the answer carries `configurationValues`. */
export function collectAddons(eks: EKSClient, clusterName: string): Promise<Part<EksAddon[]>> {
  return listThenDescribe({
    listOperation: 'eks:ListAddons',
    describeOperation: 'eks:DescribeAddon',
    resource: clusterName,
    list: () => allPages(paginateListAddons({ client: eks }, { clusterName }), (p) => p.addons),
    nameOf: (name: string) => name,
    describe: async (addonName: string) => {
      const out = await eks.send(new DescribeAddonCommand({ clusterName, addonName }));
      return out.addon === undefined ? undefined : toWire(out.addon);
    },
  });
}

/**
 * DescribeAddonVersions for one Kubernetes version (every page): the catalog of add-ons with
 * their versions compatible with it. The same for every cluster of that version in a region.
 */
export async function collectAddonVersions(
  eks: EKSClient,
  kubernetesVersion: string,
): Promise<Part<EksAddonInfo[]>> {
  try {
    const addons = await allPages(
      paginateDescribeAddonVersions({ client: eks }, { kubernetesVersion }),
      (p) => p.addons,
    );
    return collected(toWire(addons), ['eks:DescribeAddonVersions']);
  } catch (error) {
    return failed([toCollectionError('eks:DescribeAddonVersions', error, kubernetesVersion)]);
  }
}
