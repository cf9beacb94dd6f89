import type { TokenCredential } from '@azure/core-auth';
import { DefaultAzureCredential } from '@azure/identity';
import { CallLimiter, DEFAULT_CALLS_IN_FLIGHT } from '../../core/call-limiter';
import type {
  Collector,
  CollectProgress,
  ListedClusters,
  TargetCollection,
} from '../../core/collector';
import { mapLimit } from '../../core/map-limit';
import { RunCache, type SharedCache } from '../../core/run-cache';
import { type CollectionError, collected, failed, type Part } from '../../core/snapshot';
import type {
  AksCluster,
  AksKubernetesVersion,
  AksSnapshot,
  AzureContainerRegistry,
  AzureDefenderPricing,
  AzureDiagnosticSetting,
  AzureNetworkSecurityGroup,
  AzureRoleAssignment,
  AzureRoleDefinition,
} from '../../core/snapshot-aks';
import type { AzureTarget } from '../../core/target';
import {
  CONTAINER_SERVICE_API_VERSION,
  kubernetesVersionFromArm,
  maintenanceConfigurationFromArm,
  managedClusterInstants,
} from './aks-arm';
import { canonicalManagedCluster } from './aks-canonical';
import { aksClusterKey, aksRef, parseAksClusterId } from './aks-ref';
import { armEndpoint } from './arm-endpoint';
import { API_VERSIONS, isSubnetId, registryOfScope } from './arm-paths';
import { ArmRest } from './arm-rest';
import { callLimitPolicy } from './call-limit';
import { toAzureCollectionError } from './collection-error';
import type { AzureCollectorOptions } from './collector-options';
import { AZURE_MAX_RETRIES } from './retries';
import { appliesAt, assignedTo } from './role-assignment-scope';

export { AZURE_MAX_RETRIES };

/**
 * Calls whose result is shared by many clusters (and by the run's other targets that need it)
 * run once per run; failures are retried next time. Keys are lower-cased (ARM ids are not case
 * sensitive) and name the subscription or the full resource id, except role definitions: a
 * definition's GUID names it in the whole tenant (built-in roles have the same GUID and content
 * everywhere; a custom role's GUID is unique), and the checks match definitions by GUID.
 */
class OncePerRun<T> {
  constructor(private readonly cache: SharedCache) {}
  get(key: string, load: () => Promise<T>, shareable: (value: T) => boolean): Promise<T> {
    return this.cache.once(key.toLowerCase(), load, shareable);
  }
}

type Fetched<T> = { ok: true; value: T } | { ok: false; error: CollectionError };

async function attempt<T>(
  operation: string,
  resource: string | undefined,
  call: () => Promise<T>,
): Promise<Fetched<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    return { ok: false, error: toAzureCollectionError(operation, error, resource) };
  }
}

/**
 * Fetches each id once per run (`ids` maps the cache key to the resource id): the part fails
 * only when every fetch failed; otherwise it holds what came back and names the failures.
 */
async function fetchEach<T>(
  operation: string,
  cache: OncePerRun<Fetched<T>>,
  ids: ReadonlyMap<string, string>,
  get: (id: string) => Promise<T>,
): Promise<Part<T[]>> {
  const results = await Promise.all(
    [...ids].map(([key, id]) =>
      cache.get(
        key,
        () => attempt(operation, id, () => get(id)),
        (f) => f.ok,
      ),
    ),
  );
  const values = results.flatMap((r) => (r.ok ? [r.value] : []));
  const errors = results.flatMap((r) => (r.ok ? [] : [r.error]));
  return values.length === 0 && errors.length > 0
    ? failed(errors)
    : collected(values, [operation], errors);
}

function asPart<T>(fetched: Fetched<T>, operation: string): Part<T> {
  return fetched.ok ? collected(fetched.value, [operation]) : failed([fetched.error]);
}

/**
 * Collects every AKS cluster of an Azure subscription: ManagedClusters.List, then per cluster
 * its diagnostic settings, role assignments (cluster scope and the kubelet identity) with
 * their role definitions, maintenance configurations, node NSGs and the registries the kubelet
 * pulls from, plus the location's Kubernetes versions and the subscription's Defender plan.
 * A failed call makes only its part `failed`; the other parts and clusters complete. Every call
 * is plain ARM REST; the Microsoft.ContainerService objects are read into the SDK model's shape
 * (aks-arm.ts), so the Lambda bundle carries no ARM SDK.
 */
export function createAzureCollector(opts: AzureCollectorOptions = {}): Collector {
  const now = opts.now ?? (() => new Date());
  const calls = opts.calls ?? new CallLimiter(DEFAULT_CALLS_IN_FLIGHT.azure);
  // As many clusters as call slots: a cluster waiting on one call leaves no slot idle.
  const concurrency = opts.concurrency ?? calls.limit;
  const credential: TokenCredential = opts.credential ?? new DefaultAzureCredential();
  const endpoint = armEndpoint(opts.endpoint);
  const { baseUrl } = endpoint;
  const policies = [
    ...endpoint.policies,
    { position: 'perRetry' as const, policy: callLimitPolicy(calls) },
  ];
  const maxRetries = opts.maxRetries ?? AZURE_MAX_RETRIES;
  const arm = new ArmRest({ baseUrl, credential, policies, maxRetries });

  const wide = (opts.sharedCache ?? new RunCache(undefined, now)).scope('azure');
  const versions = new OncePerRun<Part<AksKubernetesVersion[]>>(wide.scope('versions'));
  const pricings = new OncePerRun<Part<AzureDefenderPricing>>(wide.scope('pricing'));
  const definitions = new OncePerRun<Fetched<AzureRoleDefinition>>(wide.scope('roleDefinition'));
  const registries = new OncePerRun<Fetched<AzureContainerRegistry>>(wide.scope('registry'));
  const nsgs = new OncePerRun<Fetched<AzureNetworkSecurityGroup | undefined>>(wide.scope('nsg'));
  const isCollected = (p: Part<unknown>) => p.state === 'collected';
  const isOk = (f: Fetched<unknown>) => f.ok;

  const kubernetesVersions = (subscription: string, location: string) =>
    versions.get(
      `${subscription}/${location}`,
      async () => {
        const op = 'containerservice:ManagedClusters.ListKubernetesVersions';
        const r = await attempt(op, location, async () => {
          const out = await arm.get<{ values?: unknown[] | null }>(
            `/subscriptions/${subscription}/providers/Microsoft.ContainerService/locations/${encodeURIComponent(location)}/kubernetesVersions`,
            CONTAINER_SERVICE_API_VERSION,
          );
          return (out.values ?? []).map(kubernetesVersionFromArm);
        });
        return r.ok ? collected(r.value, [op]) : failed([r.error]);
      },
      isCollected,
    );

  const defenderPricing = (subscription: string) =>
    pricings.get(
      subscription,
      async () => {
        const op = 'security:Pricings.Get';
        return asPart(
          await attempt(op, 'Containers', () =>
            arm.get<AzureDefenderPricing>(
              `/subscriptions/${subscription}/providers/Microsoft.Security/pricings/Containers`,
              API_VERSIONS.pricings,
            ),
          ),
          op,
        );
      },
      isCollected,
    );

  /**
   * Every role assignment at, above or below the subscription: RoleAssignments.List without a
   * filter (Azure REST API, Role Assignments - List For Subscription / List For Scope:
   * `$filter=atScope()` returns the assignments at or above the scope, `principalId eq {id}`
   * those at, above or below it for the principal, and no filter all of them at, above or
   * below). It is a superset of what each cluster's ListForScope (atScope() at the cluster) and
   * its kubelet identity's List (principalId at the subscription) return, so both are picked
   * out of it for every cluster: one call (plus pages) per subscription instead of two per
   * cluster. Made only for subscriptions with several clusters; when it fails (for instance a
   * role granted below the subscription only), each cluster makes its own calls as before.
   */
  const subscriptionRoleAssignments = (subscription: string) =>
    attempt('authorization:RoleAssignments.List', subscription, () =>
      arm.list<AzureRoleAssignment>(
        `/subscriptions/${subscription}/providers/Microsoft.Authorization/roleAssignments`,
        API_VERSIONS.authorization,
      ),
    );

  /** The definitions of every role the assignments reference, each fetched once per run. */
  const roleDefinitions = async (
    subscription: string,
    lists: Part<AzureRoleAssignment[]>[],
  ): Promise<Part<AzureRoleDefinition[]>> => {
    const op = 'authorization:RoleDefinitions.Get';
    const ids = new Map<string, string>();
    for (const list of lists) {
      if (list.state !== 'collected') continue;
      for (const a of list.value) {
        const id = a.properties?.roleDefinitionId;
        const guid = id?.split('/').pop();
        if (id && guid) ids.set(guid.toLowerCase(), id);
      }
    }
    return fetchEach(op, definitions, ids, (id) =>
      arm.get<AzureRoleDefinition>(
        id.startsWith('/subscriptions/') ? id : `/subscriptions/${subscription}${id}`,
        API_VERSIONS.authorization,
      ),
    );
  };

  /** NSGs of the pools' subnets and of the node resource group, each fetched once per run. */
  const networkSecurityGroups = async (
    subscription: string,
    cluster: AksCluster,
  ): Promise<Part<AzureNetworkSecurityGroup[]>> => {
    const errors: CollectionError[] = [];
    const found = new Map<string, AzureNetworkSecurityGroup>();
    const subnetOp = 'network:Subnets.Get';
    const subnets = [
      ...new Set((cluster.agentPoolProfiles ?? []).map((p) => p.vnetSubnetID).filter(isSubnetId)),
    ];
    await Promise.all(
      subnets.map(async (subnetId) => {
        const subnet = await attempt(subnetOp, subnetId, () =>
          arm.get<{ properties?: { networkSecurityGroup?: { id?: string } } }>(
            subnetId,
            API_VERSIONS.network,
          ),
        );
        if (!subnet.ok) return void errors.push(subnet.error);
        const nsgId = subnet.value.properties?.networkSecurityGroup?.id;
        if (!nsgId) return;
        const nsg = await nsgs.get(
          nsgId,
          () =>
            attempt('network:NetworkSecurityGroups.Get', nsgId, () =>
              arm.get<AzureNetworkSecurityGroup>(nsgId, API_VERSIONS.network),
            ),
          isOk,
        );
        if (!nsg.ok) errors.push(nsg.error);
        else if (nsg.value) found.set((nsg.value.id ?? nsgId).toLowerCase(), nsg.value);
      }),
    );
    const listOp = 'network:NetworkSecurityGroups.List';
    if (cluster.nodeResourceGroup) {
      const path = `/subscriptions/${subscription}/resourceGroups/${cluster.nodeResourceGroup}/providers/Microsoft.Network/networkSecurityGroups`;
      const listed = await attempt(listOp, cluster.nodeResourceGroup, () =>
        arm.list<AzureNetworkSecurityGroup>(path, API_VERSIONS.network),
      );
      if (!listed.ok) errors.push(listed.error);
      else for (const n of listed.value) found.set((n.id ?? n.name ?? '').toLowerCase(), n);
    }
    if (found.size === 0 && errors.length > 0) return failed(errors);
    return collected([...found.values()], [subnetOp, listOp], errors);
  };

  /** Registries the kubelet identity holds a role on, each fetched once per run. */
  const containerRegistries = async (
    kubelet: Part<AzureRoleAssignment[]>,
  ): Promise<Part<AzureContainerRegistry[]>> => {
    if (kubelet.state !== 'collected') {
      return kubelet.state === 'failed' ? failed(kubelet.errors) : kubelet;
    }
    const op = 'containerregistry:Registries.Get';
    const ids = new Map<string, string>();
    for (const a of kubelet.value) {
      const id = registryOfScope(a.properties?.scope);
      if (id !== undefined) ids.set(id, id);
    }
    return fetchEach(op, registries, ids, (id) =>
      arm.get<AzureContainerRegistry>(id, API_VERSIONS.containerRegistry),
    );
  };

  const collectCluster = async (
    target: AzureTarget,
    cluster: AksCluster,
    subscriptionAssignments: Promise<Fetched<AzureRoleAssignment[]>> | undefined,
  ): Promise<AksSnapshot> => {
    const collectedAt = now().toISOString();
    const sub = target.subscription;
    const id = cluster.id ?? '';
    const parsed = parseAksClusterId(id);
    const diagOp = 'insights:DiagnosticSettings.List';
    const scopeOp = 'authorization:RoleAssignments.ListForScope';
    const principalOp = 'authorization:RoleAssignments.List';
    const maintOp = 'containerservice:MaintenanceConfigurations.ListByManagedCluster';
    const kubeletId = cluster.identityProfile?.['kubeletidentity']?.objectId;
    /**
     * Assignments picked out of the subscription's listing, which holds every assignment the
     * cluster's own two calls would return (see `subscriptionRoleAssignments`); the cluster's
     * own call when there is no listing or it failed.
     */
    const fromSubscription = async (
      pick: (all: AzureRoleAssignment[]) => AzureRoleAssignment[],
      own: () => Promise<Part<AzureRoleAssignment[]>>,
    ): Promise<Part<AzureRoleAssignment[]>> => {
      const listed = await subscriptionAssignments;
      return listed?.ok ? collected(pick(listed.value), [principalOp]) : own();
    };

    const [
      diagnosticSettings,
      clusterRoleAssignments,
      kubeletRoleAssignments,
      maintenanceConfigurations,
      kubeVersions,
      pricing,
      nsgParts,
    ] = await Promise.all([
      attempt(diagOp, undefined, () =>
        arm.list<AzureDiagnosticSetting>(
          `${id}/providers/Microsoft.Insights/diagnosticSettings`,
          API_VERSIONS.diagnosticSettings,
        ),
      ).then((r) => asPart(r, diagOp)),
      fromSubscription(
        (all) => all.filter((a) => appliesAt(a, id)),
        () =>
          attempt(scopeOp, undefined, () =>
            arm.list<AzureRoleAssignment>(
              `${id}/providers/Microsoft.Authorization/roleAssignments`,
              API_VERSIONS.authorization,
              { $filter: 'atScope()' },
            ),
          ).then((r) => asPart(r, scopeOp)),
      ),
      kubeletId
        ? fromSubscription(
            (all) => all.filter((a) => assignedTo(a, kubeletId)),
            () =>
              attempt(principalOp, kubeletId, () =>
                arm.list<AzureRoleAssignment>(
                  `/subscriptions/${sub}/providers/Microsoft.Authorization/roleAssignments`,
                  API_VERSIONS.authorization,
                  { $filter: `principalId eq '${kubeletId}'` },
                ),
              ).then((r) => asPart(r, principalOp)),
          )
        : Promise.resolve(collected<AzureRoleAssignment[]>([], [])),
      parsed
        ? attempt(maintOp, undefined, async () =>
            (
              await arm.list<unknown>(
                `/subscriptions/${sub}/resourceGroups/${encodeURIComponent(parsed.resourceGroup)}/providers/Microsoft.ContainerService/managedClusters/${encodeURIComponent(parsed.name)}/maintenanceConfigurations`,
                CONTAINER_SERVICE_API_VERSION,
              )
            ).map(maintenanceConfigurationFromArm),
          ).then((r) => asPart(r, maintOp))
        : Promise.resolve(
            failed<never>([
              {
                operation: maintOp,
                code: 'InvalidResourceId',
                message: `cannot parse cluster id ${id}`,
              },
            ]),
          ),
      kubernetesVersions(sub, cluster.location ?? ''),
      defenderPricing(sub),
      networkSecurityGroups(sub, cluster),
    ]);
    const [roleDefs, registryPart] = await Promise.all([
      roleDefinitions(sub, [clusterRoleAssignments, kubeletRoleAssignments]),
      containerRegistries(kubeletRoleAssignments),
    ]);
    return {
      provider: 'aks',
      ref: aksRef(cluster, { subscription: sub }),
      source: { kind: 'api', collectedAt },
      cluster,
      parts: {
        diagnosticSettings,
        clusterRoleAssignments,
        kubeletRoleAssignments,
        roleDefinitions: roleDefs,
        kubernetesVersions: kubeVersions,
        maintenanceConfigurations,
        defenderPricing: pricing,
        networkSecurityGroups: nsgParts,
        containerRegistries: registryPart,
      },
    };
  };

  const collectSubscription = async (
    target: AzureTarget,
    progress: CollectProgress | undefined,
    listed: ListedClusters | undefined,
  ): Promise<TargetCollection> => {
    const listOp = 'containerservice:ManagedClusters.List';
    const wanted =
      target.clusters === undefined
        ? undefined
        : new Set(target.clusters.map((k) => k.toLowerCase()));
    const isWanted = (c: { id?: string; name?: string }) =>
      !wanted || wanted.has(aksClusterKey(c).toLowerCase());
    const clusters: AksCluster[] = [];
    const errors: CollectionError[] = [];
    const handed = wanted
      ? (listed?.clusters as { id?: string; name?: string }[] | undefined)?.filter(isWanted)
      : undefined;
    // Discover listed these clusters (ARM JSON) for this target: no second list. Otherwise
    // (no handover, or it misses one) the subscription is listed here, keeping the target's.
    let items: { id?: string; name?: string }[];
    if (handed !== undefined && handed.length === wanted?.size) {
      items = handed;
    } else {
      try {
        items = (
          await arm.list<{ id?: string; name?: string }>(
            `/subscriptions/${target.subscription}/providers/Microsoft.ContainerService/managedClusters`,
            CONTAINER_SERVICE_API_VERSION,
          )
        ).filter(isWanted);
      } catch (error) {
        return {
          target,
          snapshots: [],
          errors: [toAzureCollectionError(listOp, error, target.subscription)],
        };
      }
    }
    for (const mc of items) {
      // ARM JSON folded onto the SDK's spelling by the same function as for exports (which
      // drops explicit nulls), so live and exported clusters have one shape.
      try {
        clusters.push(
          canonicalManagedCluster(
            managedClusterInstants(mc),
            mc.id ?? mc.name ?? 'a listed cluster',
          ),
        );
      } catch (error) {
        errors.push(toAzureCollectionError(listOp, error, mc.id ?? mc.name));
      }
    }
    progress?.listed(clusters.length);
    const assignments =
      clusters.length > 1 ? subscriptionRoleAssignments(target.subscription) : undefined;
    const snapshots = await mapLimit(clusters, concurrency, async (cluster) => {
      try {
        return await collectCluster(target, cluster, assignments);
      } finally {
        progress?.clusterDone();
      }
    });
    return { target, snapshots, errors };
  };

  return {
    collect(target, progress, listed) {
      if (target.cloud !== 'azure') {
        throw new Error(`the Azure collector cannot collect a ${target.cloud} target`);
      }
      return collectSubscription(target, progress, listed);
    },
  };
}
