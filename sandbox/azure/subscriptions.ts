import { ApiError } from '../api-error';
import { jsonReply } from '../http';
import { pagedListRoute } from '../list-route';
import type { Route } from '../route';
import { armPage, armRoute, subscriptionOf } from './arm';

/** Microsoft.Resources: the subscriptions the caller sees and their resource groups. */

function subscriptionJson(id: string, displayName: string, state: string, tenantId: string) {
  return {
    id: `/subscriptions/${id}`,
    authorizationSource: 'RoleBased',
    subscriptionId: id,
    tenantId,
    displayName,
    state,
    subscriptionPolicies: {
      locationPlacementId: 'Public_2014-09-01',
      quotaId: 'PayAsYouGo_2014-09-01',
      spendingLimit: 'Off',
    },
  };
}

export const subscriptionRoutes: Route[] = [
  pagedListRoute(armRoute, armPage, {
    service: 'resources',
    operation: 'ListSubscriptions',
    path: '/subscriptions',
    items: (ctx) => {
      const azure = ctx.state.estate.azure;
      return Object.entries(azure?.subscriptions ?? {}).map(([id, s]) =>
        subscriptionJson(id, s.displayName ?? id, s.state, azure?.tenantId ?? ''),
      );
    },
  }),
  armRoute({
    service: 'resources',
    operation: 'GetSubscription',
    method: 'GET',
    path: '/subscriptions/{subscription}',
    handle: (ctx) => {
      const s = subscriptionOf(ctx);
      const id = ctx.params['subscription'] as string;
      return jsonReply(
        200,
        subscriptionJson(id, s.displayName ?? id, s.state, ctx.state.estate.azure?.tenantId ?? ''),
      );
    },
  }),
  pagedListRoute(armRoute, armPage, {
    service: 'resources',
    operation: 'ListResourceGroups',
    path: '/subscriptions/{subscription}/resourcegroups',
    items: (ctx) => {
      const sub = ctx.params['subscription'] as string;
      return subscriptionOf(ctx).resourceGroups.map((g) => ({
        id: `/subscriptions/${sub}/resourceGroups/${g.name}`,
        name: g.name,
        type: 'Microsoft.Resources/resourceGroups',
        location: g.location,
        properties: { provisioningState: 'Succeeded' },
      }));
    },
  }),
];

/** ARM's answer for a resource group the subscription does not have. */
export function resourceGroupNotFound(group: string): ApiError {
  return new ApiError(
    404,
    'ResourceGroupNotFound',
    `Resource group '${group}' could not be found.`,
  );
}
