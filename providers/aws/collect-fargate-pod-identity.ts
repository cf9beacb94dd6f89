import {
  DescribeFargateProfileCommand,
  DescribePodIdentityAssociationCommand,
  type EKSClient,
  paginateListFargateProfiles,
  paginateListPodIdentityAssociations,
} from '@aws-sdk/client-eks';
import type { Part } from '../../core/snapshot';
import type { EksFargateProfile, EksPodIdentityAssociation } from '../../core/snapshot-eks';
import { toWire } from '../../core/wire';
import { allPages, listThenDescribe } from './list-then-describe';

/** ListFargateProfiles (every page) → DescribeFargateProfile for each profile. */
export function collectFargateProfiles(
  eks: EKSClient,
  clusterName: string,
): Promise<Part<EksFargateProfile[]>> {
  return listThenDescribe({
    listOperation: 'eks:ListFargateProfiles',
    describeOperation: 'eks:DescribeFargateProfile',
    resource: clusterName,
    list: () =>
      allPages(
        paginateListFargateProfiles({ client: eks }, { clusterName }),
        (p) => p.fargateProfileNames,
      ),
    nameOf: (name: string) => name,
    describe: async (fargateProfileName: string) => {
      const out = await eks.send(
        new DescribeFargateProfileCommand({ clusterName, fargateProfileName }),
      );
      return out.fargateProfile === undefined ? undefined : toWire(out.fargateProfile);
    },
  });
}

/**
 * ListPodIdentityAssociations (every page) → DescribePodIdentityAssociation for each: the
 * summaries lack the `roleArn` the checks read.
 */
export function collectPodIdentityAssociations(
  eks: EKSClient,
  clusterName: string,
): Promise<Part<EksPodIdentityAssociation[]>> {
  return listThenDescribe({
    listOperation: 'eks:ListPodIdentityAssociations',
    describeOperation: 'eks:DescribePodIdentityAssociation',
    resource: clusterName,
    list: async () =>
      (
        await allPages(
          paginateListPodIdentityAssociations({ client: eks }, { clusterName }),
          (p) => p.associations,
        )
      ).flatMap((a) => (a.associationId ? [a.associationId] : [])),
    nameOf: (id: string) => id,
    describe: async (associationId: string) => {
      const out = await eks.send(
        new DescribePodIdentityAssociationCommand({ clusterName, associationId }),
      );
      return out.association === undefined ? undefined : toWire(out.association);
    },
  });
}
