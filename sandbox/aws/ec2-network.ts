import { ApiError } from '../api-error';
import type { Route, RouteContext } from '../route';
import { regionOf, relatedOf } from './estate-lookup';
import { awsQueryRoute, formOf, page, xmlOutput } from './protocol';

/**
 * EC2 objects around a cluster (VPCs, subnets, route tables, security group rules, launch
 * template versions, the EBS encryption default) from the region's `related` map.
 */

type Obj = Record<string, unknown>;

const regional = <T>(ctx: RouteContext, key: string): T | undefined =>
  relatedOf<T>(regionOf(ctx.state, ctx.req).entry, key);

/** The values of a numbered list parameter (`SubnetId.1`, `SubnetId.2`...). */
function listParam(ctx: RouteContext, name: string): string[] {
  return [...formOf(ctx.req).entries()]
    .filter(([k]) => new RegExp(`^${name}\\.\\d+$`).test(k))
    .map(([, v]) => v);
}

/** Values EC2 accepts in one call's filters, as it answers when there are more. */
export const MAX_FILTER_VALUES = 200;

/** `Filter.N.Name` / `Filter.N.Value.M` as name → values. */
function filters(ctx: RouteContext): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const form = formOf(ctx.req);
  let count = 0;
  for (const [k, name] of form.entries()) {
    const m = /^Filter\.(\d+)\.Name$/.exec(k);
    if (!m) continue;
    const values = listParam(ctx, `Filter\\.${m[1]}\\.Value`);
    count += values.length;
    out.set(name, values);
  }
  if (count > MAX_FILTER_VALUES) {
    throw new ApiError(
      400,
      'FilterLimitExceeded',
      `The maximum number of filter values specified on a single call is ${MAX_FILTER_VALUES}`,
    );
  }
  return out;
}

/** Applies filters whose names map to a field; any other filter name is refused, named. */
function filtered(ctx: RouteContext, items: Obj[], fields: Record<string, string>): Obj[] {
  let out = items;
  for (const [name, values] of filters(ctx)) {
    const field = fields[name];
    if (field === undefined) {
      throw new ApiError(400, 'InvalidParameterValue', `The filter '${name}' is invalid`);
    }
    out = out.filter((item) => values.includes(String(item[field])));
  }
  return out;
}

/** `MaxResults`/`NextToken` paging (5–1000 as most EC2 Describe calls). */
function ec2Page(ctx: RouteContext, items: Obj[]) {
  const form = formOf(ctx.req);
  const max = Number(form.get('MaxResults') ?? 1000);
  if (!Number.isInteger(max) || max < 5 || max > 1000) {
    throw new ApiError(
      400,
      'InvalidParameterValue',
      `Value ( ${max} ) for parameter maxResults is invalid. Expecting a value between 5 and 1000.`,
    );
  }
  const p = page(items, form.get('NextToken'), max);
  if (!p) throw new ApiError(400, 'InvalidNextToken.Malformed', 'The specified token is invalid.');
  return { items: p.items, next: p.next === undefined ? {} : { NextToken: p.next } };
}

/** Objects named by id: every id must exist, as EC2 answers `<Kind>.NotFound` otherwise. */
function byIds(
  ctx: RouteContext,
  items: Obj[],
  param: string,
  idField: string,
  notFound: (id: string) => ApiError,
): Obj[] {
  const ids = listParam(ctx, param);
  if (ids.length === 0) return items;
  for (const id of ids) if (!items.some((i) => i[idField] === id)) throw notFound(id);
  return items.filter((i) => ids.includes(String(i[idField])));
}

export const ec2NetworkRoutes: Route[] = [
  awsQueryRoute({
    service: 'ec2',
    operation: 'DescribeVpcs',
    handle: (ctx, model) => {
      const vpcs = byIds(
        ctx,
        regional<Obj[]>(ctx, 'vpcs') ?? [],
        'VpcId',
        'VpcId',
        (id) => new ApiError(400, 'InvalidVpcID.NotFound', `The vpc ID '${id}' does not exist`),
      );
      const p = ec2Page(ctx, filtered(ctx, vpcs, { 'vpc-id': 'VpcId', 'is-default': 'IsDefault' }));
      return xmlOutput(model, 'DescribeVpcs', { Vpcs: p.items, ...p.next }, ctx.requestId);
    },
  }),
  awsQueryRoute({
    service: 'ec2',
    operation: 'DescribeSubnets',
    handle: (ctx, model) => {
      const subnets = byIds(
        ctx,
        regional<Obj[]>(ctx, 'subnets') ?? [],
        'SubnetId',
        'SubnetId',
        (id) =>
          new ApiError(400, 'InvalidSubnetID.NotFound', `The subnet ID '${id}' does not exist`),
      );
      const p = ec2Page(
        ctx,
        filtered(ctx, subnets, { 'vpc-id': 'VpcId', 'subnet-id': 'SubnetId' }),
      );
      return xmlOutput(model, 'DescribeSubnets', { Subnets: p.items, ...p.next }, ctx.requestId);
    },
  }),
  awsQueryRoute({
    service: 'ec2',
    operation: 'DescribeRouteTables',
    handle: (ctx, model) => {
      const tables = regional<Obj[]>(ctx, 'routeTables') ?? [];
      const p = ec2Page(
        ctx,
        filtered(ctx, tables, { 'vpc-id': 'VpcId', 'route-table-id': 'RouteTableId' }),
      );
      return xmlOutput(
        model,
        'DescribeRouteTables',
        { RouteTables: p.items, ...p.next },
        ctx.requestId,
      );
    },
  }),
  awsQueryRoute({
    service: 'ec2',
    operation: 'DescribeSecurityGroupRules',
    handle: (ctx, model) => {
      const rules = regional<Obj[]>(ctx, 'securityGroupRules') ?? [];
      const p = ec2Page(ctx, filtered(ctx, rules, { 'group-id': 'GroupId' }));
      return xmlOutput(
        model,
        'DescribeSecurityGroupRules',
        { SecurityGroupRules: p.items, ...p.next },
        ctx.requestId,
      );
    },
  }),
  awsQueryRoute({
    service: 'ec2',
    operation: 'DescribeLaunchTemplateVersions',
    handle: (ctx, model) => {
      const form = formOf(ctx.req);
      const id = form.get('LaunchTemplateId');
      const name = form.get('LaunchTemplateName');
      const all = (regional<Obj[]>(ctx, 'launchTemplateVersions') ?? []).filter(
        (v) =>
          (id !== null && v['LaunchTemplateId'] === id) ||
          (name !== null && v['LaunchTemplateName'] === name),
      );
      if ((id !== null || name !== null) && all.length === 0) {
        throw id !== null
          ? new ApiError(
              400,
              'InvalidLaunchTemplateId.NotFound',
              `The specified launch template, with template ID ${id}, does not exist.`,
            )
          : new ApiError(
              400,
              'InvalidLaunchTemplateName.NotFoundException',
              `The specified launch template, with template name ${name}, does not exist.`,
            );
      }
      const wanted = listParam(ctx, 'LaunchTemplateVersion');
      const latest = Math.max(...all.map((v) => Number(v['VersionNumber'])));
      const versions =
        wanted.length === 0
          ? all
          : all.filter((v) =>
              wanted.some((w) =>
                w === '$Latest'
                  ? Number(v['VersionNumber']) === latest
                  : w === '$Default'
                    ? v['DefaultVersion'] === true
                    : String(v['VersionNumber']) === w,
              ),
            );
      const p = ec2Page(ctx, versions);
      return xmlOutput(
        model,
        'DescribeLaunchTemplateVersions',
        { LaunchTemplateVersions: p.items, ...p.next },
        ctx.requestId,
      );
    },
  }),
  awsQueryRoute({
    service: 'ec2',
    operation: 'GetEbsEncryptionByDefault',
    handle: (ctx, model) =>
      xmlOutput(
        model,
        'GetEbsEncryptionByDefault',
        {
          EbsEncryptionByDefault: regional<boolean>(ctx, 'ebsEncryptionByDefault') ?? false,
        },
        ctx.requestId,
      ),
  }),
];
