import type { EKSClient } from '@aws-sdk/client-eks';
import type { EksCluster, EksOptionalParts } from '../../core/snapshot-eks';
import { collectAccessEntries } from './collect-access-entries';
import { collectAddons, collectAddonVersions } from './collect-addons';
import { collectIdentityProviderConfigs } from './collect-identity-providers';
import type { TargetCache } from './target-cache';

/** The AWS clients of one target (account+region), shared by its clusters. */
export interface TargetClients {
  eks: EKSClient;
}

/**
 * The related parts of one cluster that the EKS checks read, collected at the same time. A
 * failed call fails only its own part. Region-wide objects come from `shared`.
 */
export async function collectEksRelated(
  clients: TargetClients,
  shared: TargetCache,
  cluster: EksCluster,
): Promise<Partial<EksOptionalParts>> {
  const name = cluster.name ?? '';
  const version = cluster.version;
  const [accessEntries, addons, identityProviderConfigs, addonVersions] = await Promise.all([
    collectAccessEntries(clients.eks, name),
    collectAddons(clients.eks, name),
    collectIdentityProviderConfigs(clients.eks, name),
    version === undefined
      ? undefined
      : shared.once(`addonVersions:${version}`, () => collectAddonVersions(clients.eks, version)),
  ]);
  return {
    accessEntries,
    addons,
    identityProviderConfigs,
    ...(addonVersions === undefined ? {} : { addonVersions }),
  };
}
