import { ApiError } from '../api-error';
import type { Route, RouteContext } from '../route';
import { clusterEntry, clusterNotFound, paged } from './eks';
import { regionOf, relatedOf } from './estate-lookup';
import { awsRestJsonRoute, jsonBody, jsonOutput } from './protocol';

/**
 * EKS objects related to a cluster (access entries, add-ons, identity provider configs, Fargate
 * profiles, pod identity associations) from the cluster's `related` map, and the add-on versions
 * catalog from the region's.
 */

type Obj = Record<string, unknown>;
interface AccessEntryJson {
  entry: Obj & { principalArn: string };
  associatedAccessPolicies: Obj[];
}

const related = <T>(ctx: RouteContext, key: string): T[] =>
  relatedOf<T[]>(clusterEntry(ctx), key) ?? [];

function accessEntry(ctx: RouteContext): AccessEntryJson {
  const arn = ctx.params['principalArn'] as string;
  const found = related<AccessEntryJson>(ctx, 'accessEntries').find(
    (e) => e.entry.principalArn === arn,
  );
  if (!found) {
    throw new ApiError(
      404,
      'ResourceNotFoundException',
      `The specified principalArn could not be found. You can view your available access entries with 'list-access-entries'.`,
    );
  }
  return found;
}

type FargateProfileJson = Obj & { fargateProfileName: string };
type PodIdentityJson = Obj & { associationId: string; namespace?: string; serviceAccount?: string };

const clusterRoute = (operation: string, handle: (ctx: RouteContext) => Obj): Route =>
  awsRestJsonRoute({
    service: 'eks',
    operation,
    clusterParam: 'name',
    notFound: clusterNotFound,
    handle: (ctx, model) => jsonOutput(model, operation, handle(ctx), ctx.requestId),
  });

export const eksRelatedRoutes: Route[] = [
  clusterRoute('ListAccessEntries', (ctx) => {
    const arns = related<AccessEntryJson>(ctx, 'accessEntries').map((e) => e.entry.principalArn);
    const p = paged(ctx, arns, 100, 100);
    return { accessEntries: p.items, nextToken: p.next };
  }),
  clusterRoute('DescribeAccessEntry', (ctx) => ({
    accessEntry: { clusterName: ctx.params['name'], ...accessEntry(ctx).entry },
  })),
  clusterRoute('ListAssociatedAccessPolicies', (ctx) => {
    const entry = accessEntry(ctx);
    const p = paged(ctx, entry.associatedAccessPolicies, 100, 100);
    return {
      clusterName: ctx.params['name'],
      principalArn: entry.entry.principalArn,
      associatedAccessPolicies: p.items,
      nextToken: p.next,
    };
  }),
  clusterRoute('ListAddons', (ctx) => {
    const names = related<Obj & { addonName: string }>(ctx, 'addons').map((a) => a.addonName);
    const p = paged(ctx, names, 100, 100);
    return { addons: p.items, nextToken: p.next };
  }),
  clusterRoute('DescribeAddon', (ctx) => {
    const wanted = ctx.params['addonName'] as string;
    const addon = related<Obj & { addonName: string }>(ctx, 'addons').find(
      (a) => a.addonName === wanted,
    );
    if (!addon) {
      throw new ApiError(
        404,
        'ResourceNotFoundException',
        `No addon: ${wanted} found in cluster: ${ctx.params['name']}`,
      );
    }
    return { addon: { clusterName: ctx.params['name'], ...addon } };
  }),
  clusterRoute('ListIdentityProviderConfigs', (ctx) => {
    const configs = related<{ oidc: { identityProviderConfigName: string } }>(
      ctx,
      'identityProviderConfigs',
    ).map((c) => ({ type: 'oidc', name: c.oidc.identityProviderConfigName }));
    const p = paged(ctx, configs, 100, 100);
    return { identityProviderConfigs: p.items, nextToken: p.next };
  }),
  clusterRoute('DescribeIdentityProviderConfig', (ctx) => {
    const wanted = jsonBody(ctx.req)['identityProviderConfig'] as { type?: string; name?: string };
    const config = related<{ oidc: { identityProviderConfigName: string } }>(
      ctx,
      'identityProviderConfigs',
    ).find((c) => wanted?.type === 'oidc' && c.oidc.identityProviderConfigName === wanted.name);
    if (!config) {
      throw new ApiError(
        404,
        'ResourceNotFoundException',
        `No identity provider config found for name: ${wanted?.name}.`,
      );
    }
    return {
      identityProviderConfig: { oidc: { clusterName: ctx.params['name'], ...config.oidc } },
    };
  }),
  clusterRoute('ListFargateProfiles', (ctx) => {
    const names = related<FargateProfileJson>(ctx, 'fargateProfiles').map(
      (f) => f.fargateProfileName,
    );
    const p = paged(ctx, names, 100, 100);
    return { fargateProfileNames: p.items, nextToken: p.next };
  }),
  clusterRoute('DescribeFargateProfile', (ctx) => {
    const wanted = ctx.params['fargateProfileName'] as string;
    const profile = related<FargateProfileJson>(ctx, 'fargateProfiles').find(
      (f) => f.fargateProfileName === wanted,
    );
    if (!profile) {
      throw new ApiError(
        404,
        'ResourceNotFoundException',
        `No Fargate Profile found with name: ${wanted}.`,
      );
    }
    return { fargateProfile: { clusterName: ctx.params['name'], ...profile } };
  }),
  clusterRoute('ListPodIdentityAssociations', (ctx) => {
    const q = ctx.req.url.searchParams;
    const namespace = q.get('namespace');
    const serviceAccount = q.get('serviceAccount');
    const summaries = related<PodIdentityJson>(ctx, 'podIdentityAssociations')
      .filter(
        (a) =>
          (namespace === null || a.namespace === namespace) &&
          (serviceAccount === null || a.serviceAccount === serviceAccount),
      )
      .map((a) => ({
        clusterName: ctx.params['name'],
        namespace: a.namespace,
        serviceAccount: a.serviceAccount,
        associationArn: a['associationArn'],
        associationId: a.associationId,
        ownerArn: a['ownerArn'],
      }));
    const p = paged(ctx, summaries, 100, 100);
    return { associations: p.items, nextToken: p.next };
  }),
  clusterRoute('DescribePodIdentityAssociation', (ctx) => {
    const wanted = ctx.params['associationId'] as string;
    const association = related<PodIdentityJson>(ctx, 'podIdentityAssociations').find(
      (a) => a.associationId === wanted,
    );
    if (!association) {
      throw new ApiError(
        404,
        'ResourceNotFoundException',
        `Pod Identity association ${wanted} not found.`,
      );
    }
    return { association: { clusterName: ctx.params['name'], ...association } };
  }),
  awsRestJsonRoute({
    service: 'eks',
    operation: 'DescribeAddonVersions',
    handle: (ctx, model) => {
      const q = ctx.req.url.searchParams;
      const k8s = q.get('kubernetesVersion');
      const name = q.get('addonName');
      const catalog =
        relatedOf<(Obj & { addonName: string; addonVersions?: Obj[] })[]>(
          regionOf(ctx.state, ctx.req).entry,
          'addonVersions',
        ) ?? [];
      const addons = catalog
        .filter((a) => name === null || a.addonName === name)
        .map((a) => ({
          ...a,
          addonVersions: (a.addonVersions ?? []).filter(
            (v) =>
              k8s === null ||
              ((v['compatibilities'] as { clusterVersion?: string }[] | undefined) ?? []).some(
                (c) => c.clusterVersion === k8s,
              ),
          ),
        }))
        .filter((a) => a.addonVersions.length > 0);
      const p = paged(ctx, addons, 100, 100);
      return jsonOutput(
        model,
        'DescribeAddonVersions',
        { addons: p.items, nextToken: p.next },
        ctx.requestId,
      );
    },
  }),
];
