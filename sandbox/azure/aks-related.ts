import { ApiError } from '../api-error';
import { jsonReply } from '../http';
import type { Route, RouteContext } from '../route';
import { armPage, armRoute, subscriptionOf } from './arm';

/**
 * The ARM objects around a managed cluster that the AKS collector reads: diagnostic settings,
 * role assignments and definitions, the Defender plan, Kubernetes versions, maintenance
 * configurations, subnets, NSGs and container registries. Each comes from the estate's
 * `related` objects of the subscription or the cluster (sandbox/related.ts).
 */

type Json = Record<string, unknown>;
const MC =
  'resourceGroups/{resourceGroup}/providers/Microsoft.ContainerService/managedClusters/{name}';

function subscriptionRelated(ctx: RouteContext, key: string): Json[] {
  const value = subscriptionOf(ctx).related?.[key];
  return Array.isArray(value) ? (value as Json[]) : [];
}

/** The estate entry of the cluster in the path, or ARM's ResourceNotFound. */
function clusterEntry(ctx: RouteContext) {
  const { resourceGroup = '', name = '' } = ctx.params;
  const entry = subscriptionOf(ctx).managedClusters.find(
    (c) =>
      c.cluster.name.toLowerCase() === name.toLowerCase() &&
      c.cluster.id.toLowerCase().includes(`/resourcegroups/${resourceGroup.toLowerCase()}/`),
  );
  if (!entry) {
    throw new ApiError(
      404,
      'ResourceNotFound',
      `The Resource 'Microsoft.ContainerService/managedClusters/${name}' under resource group '${resourceGroup}' was not found.`,
    );
  }
  return entry;
}

function clusterRelated(ctx: RouteContext, key: string): Json[] {
  const value = clusterEntry(ctx).related?.[key];
  return Array.isArray(value) ? (value as Json[]) : [];
}

/** An object of a `related` list by its ARM id (case-insensitive), or ResourceNotFound. */
function byId(ctx: RouteContext, key: string, type: string): Json {
  const path = ctx.req.url.pathname.toLowerCase().replace(/\/$/, '');
  const found = subscriptionRelated(ctx, key).find((o) => String(o['id']).toLowerCase() === path);
  if (!found)
    throw new ApiError(
      404,
      'ResourceNotFound',
      `The Resource '${type}' at '${ctx.req.url.pathname}' was not found.`,
    );
  return found;
}

function scopeOf(a: Json): string {
  return String((a['properties'] as Json | undefined)?.['scope'] ?? '').toLowerCase();
}

export const aksRelatedRoutes: Route[] = [
  armRoute({
    service: 'insights',
    operation: 'DiagnosticSettings.List',
    method: 'GET',
    path: `/subscriptions/{subscription}/${MC}/providers/Microsoft.Insights/diagnosticSettings`,
    clusterParam: 'name',
    // ARM answers a single page here (no nextLink) with the settings of the resource.
    handle: (ctx) => jsonReply(200, { value: clusterRelated(ctx, 'diagnosticSettings') }),
  }),
  armRoute({
    service: 'containerservice',
    operation: 'MaintenanceConfigurations.ListByManagedCluster',
    method: 'GET',
    path: `/subscriptions/{subscription}/${MC}/maintenanceConfigurations`,
    clusterParam: 'name',
    handle: (ctx) => armPage(ctx, clusterRelated(ctx, 'maintenanceConfigurations')),
  }),
  armRoute({
    service: 'authorization',
    operation: 'RoleAssignments.ListForScope',
    method: 'GET',
    path: `/subscriptions/{subscription}/${MC}/providers/Microsoft.Authorization/roleAssignments`,
    clusterParam: 'name',
    handle: (ctx) => {
      const filter = ctx.req.url.searchParams.get('$filter') ?? '';
      const cluster = clusterEntry(ctx).cluster.id.toLowerCase();
      // atScope(): assignments at the cluster and above it (inherited), not below. Above are
      // its ancestors segment by segment, and management groups and the root `/`.
      const all = subscriptionRelated(ctx, 'roleAssignments');
      const above = (a: Json) => {
        const scope = scopeOf(a).replace(/\/+$/, '');
        return (
          !scope.startsWith('/subscriptions/') ||
          cluster === scope ||
          cluster.startsWith(`${scope}/`)
        );
      };
      const hits =
        filter.replace(/\s/g, '') === 'atScope()'
          ? all.filter(above)
          : all.filter((a) => above(a) || scopeOf(a).startsWith(`${cluster}/`));
      return armPage(ctx, hits);
    },
  }),
  armRoute({
    service: 'authorization',
    operation: 'RoleAssignments.List',
    method: 'GET',
    path: '/subscriptions/{subscription}/providers/Microsoft.Authorization/roleAssignments',
    handle: (ctx) => {
      const filter = ctx.req.url.searchParams.get('$filter') ?? '';
      const principal = /principalId eq '([^']+)'/i.exec(filter)?.[1];
      const all = subscriptionRelated(ctx, 'roleAssignments');
      return armPage(
        ctx,
        principal === undefined
          ? all
          : all.filter(
              (a) =>
                String((a['properties'] as Json | undefined)?.['principalId']).toLowerCase() ===
                principal.toLowerCase(),
            ),
      );
    },
  }),
  armRoute({
    service: 'authorization',
    operation: 'RoleDefinitions.Get',
    method: 'GET',
    path: '/subscriptions/{subscription}/providers/Microsoft.Authorization/roleDefinitions/{guid}',
    handle: (ctx) => {
      const guid = (ctx.params['guid'] ?? '').toLowerCase();
      const def = subscriptionRelated(ctx, 'roleDefinitions').find(
        (d) => String(d['name']).toLowerCase() === guid,
      );
      if (!def)
        throw new ApiError(
          404,
          'RoleDefinitionDoesNotExist',
          `The specified role definition with ID '${guid}' does not exist.`,
        );
      return jsonReply(200, def);
    },
  }),
  armRoute({
    service: 'security',
    operation: 'Pricings.Get',
    method: 'GET',
    path: '/subscriptions/{subscription}/providers/Microsoft.Security/pricings/{plan}',
    handle: (ctx) => {
      const sub = ctx.params['subscription'];
      const set = subscriptionOf(ctx).related?.['defenderPricing'] as Json | undefined;
      const plan = ctx.params['plan'] ?? '';
      if (set && String(set['name']).toLowerCase() === plan.toLowerCase())
        return jsonReply(200, set);
      // Every plan exists on every subscription; one never set is on the Free tier.
      return jsonReply(200, {
        id: `/subscriptions/${sub}/providers/Microsoft.Security/pricings/${plan}`,
        name: plan,
        type: 'Microsoft.Security/pricings',
        properties: { pricingTier: 'Free', freeTrialRemainingTime: 'PT0S' },
      });
    },
  }),
  armRoute({
    service: 'containerservice',
    operation: 'ManagedClusters.ListKubernetesVersions',
    method: 'GET',
    path: '/subscriptions/{subscription}/providers/Microsoft.ContainerService/locations/{location}/kubernetesVersions',
    handle: (ctx) =>
      jsonReply(200, subscriptionOf(ctx).related?.['kubernetesVersions'] ?? { values: [] }),
  }),
  armRoute({
    service: 'network',
    operation: 'Subnets.Get',
    method: 'GET',
    path: '/subscriptions/{subscription}/resourceGroups/{resourceGroup}/providers/Microsoft.Network/virtualNetworks/{vnet}/subnets/{subnet}',
    handle: (ctx) =>
      jsonReply(200, byId(ctx, 'subnets', 'Microsoft.Network/virtualNetworks/subnets')),
  }),
  armRoute({
    service: 'network',
    operation: 'NetworkSecurityGroups.Get',
    method: 'GET',
    path: '/subscriptions/{subscription}/resourceGroups/{resourceGroup}/providers/Microsoft.Network/networkSecurityGroups/{nsg}',
    handle: (ctx) =>
      jsonReply(200, byId(ctx, 'networkSecurityGroups', 'Microsoft.Network/networkSecurityGroups')),
  }),
  armRoute({
    service: 'network',
    operation: 'NetworkSecurityGroups.List',
    method: 'GET',
    path: '/subscriptions/{subscription}/resourceGroups/{resourceGroup}/providers/Microsoft.Network/networkSecurityGroups',
    handle: (ctx) => {
      const group = `/resourcegroups/${(ctx.params['resourceGroup'] ?? '').toLowerCase()}/`;
      return armPage(
        ctx,
        subscriptionRelated(ctx, 'networkSecurityGroups').filter((n) =>
          String(n['id']).toLowerCase().includes(group),
        ),
      );
    },
  }),
  armRoute({
    service: 'containerregistry',
    operation: 'Registries.Get',
    method: 'GET',
    path: '/subscriptions/{subscription}/resourceGroups/{resourceGroup}/providers/Microsoft.ContainerRegistry/registries/{registry}',
    handle: (ctx) =>
      jsonReply(200, byId(ctx, 'containerRegistries', 'Microsoft.ContainerRegistry/registries')),
  }),
];
