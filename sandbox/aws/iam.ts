import { ApiError } from '../api-error';
import type { Route, RouteContext } from '../route';
import { accountOf, relatedOf } from './estate-lookup';
import { awsQueryRoute, formOf, page, xmlOutput } from './protocol';

/**
 * IAM (query protocol, global). Policy documents are stored as JSON objects in the estate and
 * served URL-encoded, as the real service returns them (the SDK does not decode them).
 */

/** RFC 3986 percent-encoding of the JSON text, like IAM's `AssumeRolePolicyDocument`. */
export function encodePolicy(doc: unknown): string {
  return encodeURIComponent(JSON.stringify(doc)).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function roleEntry(ctx: RouteContext) {
  const name = formOf(ctx.req).get('RoleName') ?? '';
  const entry = accountOf(ctx.state, ctx.req)?.iam.roles.find((r) => r.role.RoleName === name);
  if (!entry)
    throw new ApiError(404, 'NoSuchEntity', `The role with name ${name} cannot be found.`);
  return entry;
}

/** `Marker`/`MaxItems` paging (1–1000, default 100) with `IsTruncated`. */
function iamPage<T>(ctx: RouteContext, items: readonly T[]) {
  const form = formOf(ctx.req);
  const max = Number(form.get('MaxItems') ?? 100);
  if (!Number.isInteger(max) || max < 1 || max > 1000) {
    throw new ApiError(
      400,
      'ValidationError',
      "1 validation error detected: Value at 'maxItems' failed to satisfy constraint: Member must have value between 1 and 1000",
    );
  }
  const p = page(items, form.get('Marker'), max);
  if (!p) throw new ApiError(400, 'ValidationError', 'Invalid Marker.');
  return p.next === undefined
    ? { items: p.items, more: { IsTruncated: false } }
    : { items: p.items, more: { IsTruncated: true, Marker: p.next } };
}

function policyEntry(ctx: RouteContext) {
  const arn = formOf(ctx.req).get('PolicyArn') ?? '';
  const entry = accountOf(ctx.state, ctx.req)?.iam.policies.find((p) => p.policy.Arn === arn);
  if (!entry) {
    throw new ApiError(404, 'NoSuchEntity', `Policy ${arn} does not exist or is not attachable.`);
  }
  return entry;
}

function servedRole(role: Record<string, unknown>): Record<string, unknown> {
  const doc = role['AssumeRolePolicyDocument'];
  return doc === undefined ? role : { ...role, AssumeRolePolicyDocument: encodePolicy(doc) };
}

export const iamRoutes: Route[] = [
  awsQueryRoute({
    service: 'iam',
    operation: 'GetRole',
    global: true,
    handle: (ctx, model) =>
      xmlOutput(model, 'GetRole', { Role: servedRole(roleEntry(ctx).role) }, ctx.requestId),
  }),
  awsQueryRoute({
    service: 'iam',
    operation: 'ListRoles',
    global: true,
    handle: (ctx, model) => {
      const roles = (accountOf(ctx.state, ctx.req)?.iam.roles ?? []).map((r) => servedRole(r.role));
      const p = iamPage(ctx, roles);
      return xmlOutput(model, 'ListRoles', { Roles: p.items, ...p.more }, ctx.requestId);
    },
  }),
  awsQueryRoute({
    service: 'iam',
    operation: 'ListAttachedRolePolicies',
    global: true,
    handle: (ctx, model) => {
      const prefix = formOf(ctx.req).get('PathPrefix');
      const attached = roleEntry(ctx).attachedPolicies.filter((p) => {
        if (!prefix) return true;
        const path = /^arn:[^:]+:iam::[^:]*:policy(\/.*\/)?[^/]+$/.exec(p.PolicyArn)?.[1] ?? '/';
        return path.startsWith(prefix);
      });
      const p = iamPage(ctx, attached);
      return xmlOutput(
        model,
        'ListAttachedRolePolicies',
        { AttachedPolicies: p.items, ...p.more },
        ctx.requestId,
      );
    },
  }),
  awsQueryRoute({
    service: 'iam',
    operation: 'ListRolePolicies',
    global: true,
    handle: (ctx, model) => {
      const p = iamPage(ctx, Object.keys(roleEntry(ctx).inlinePolicies));
      return xmlOutput(
        model,
        'ListRolePolicies',
        { PolicyNames: p.items, ...p.more },
        ctx.requestId,
      );
    },
  }),
  awsQueryRoute({
    service: 'iam',
    operation: 'GetRolePolicy',
    global: true,
    handle: (ctx, model) => {
      const entry = roleEntry(ctx);
      const name = formOf(ctx.req).get('PolicyName') ?? '';
      const doc = entry.inlinePolicies[name];
      if (doc === undefined) {
        throw new ApiError(
          404,
          'NoSuchEntity',
          `The role policy with name ${name} cannot be found.`,
        );
      }
      return xmlOutput(
        model,
        'GetRolePolicy',
        { RoleName: entry.role.RoleName, PolicyName: name, PolicyDocument: encodePolicy(doc) },
        ctx.requestId,
      );
    },
  }),
  awsQueryRoute({
    service: 'iam',
    operation: 'GetPolicy',
    global: true,
    handle: (ctx, model) =>
      xmlOutput(model, 'GetPolicy', { Policy: policyEntry(ctx).policy }, ctx.requestId),
  }),
  awsQueryRoute({
    service: 'iam',
    operation: 'GetPolicyVersion',
    global: true,
    handle: (ctx, model) => {
      const entry = policyEntry(ctx);
      const version = formOf(ctx.req).get('VersionId') ?? '';
      // Only the default version's document is in the estate.
      if (version !== entry.policy.DefaultVersionId) {
        throw new ApiError(
          404,
          'NoSuchEntity',
          `Policy ${entry.policy.Arn} version ${version} does not exist or is not attachable.`,
        );
      }
      return xmlOutput(
        model,
        'GetPolicyVersion',
        {
          PolicyVersion: {
            Document: encodePolicy(entry.document),
            VersionId: version,
            IsDefaultVersion: true,
            CreateDate: entry.policy['UpdateDate'] ?? entry.policy['CreateDate'],
          },
        },
        ctx.requestId,
      );
    },
  }),
  awsQueryRoute({
    service: 'iam',
    operation: 'ListOpenIDConnectProviders',
    global: true,
    handle: (ctx, model) => {
      const arns = relatedOf<string[]>(accountOf(ctx.state, ctx.req), 'oidcProviderArns') ?? [];
      return xmlOutput(
        model,
        'ListOpenIDConnectProviders',
        { OpenIDConnectProviderList: arns.map((Arn) => ({ Arn })) },
        ctx.requestId,
      );
    },
  }),
];
