import { ApiError } from '../api-error';
import type { Route, RouteContext } from '../route';
import { regionOf, relatedOf } from './estate-lookup';
import { awsQueryRoute, formOf, page, xmlOutput } from './protocol';

/** Elastic Load Balancing v2 (query): the load balancers of the region with tags and listeners. */

interface LbJson {
  loadBalancer: Record<string, unknown> & { LoadBalancerArn: string };
  tags: { Key: string; Value?: string }[];
  listeners: Record<string, unknown>[];
}

const lbs = (ctx: RouteContext): LbJson[] =>
  relatedOf<LbJson[]>(regionOf(ctx.state, ctx.req).entry, 'loadBalancers') ?? [];

const members = (ctx: RouteContext, name: string): string[] =>
  [...formOf(ctx.req).entries()]
    .filter(([k]) => new RegExp(`^${name}\\.member\\.\\d+$`).test(k))
    .map(([, v]) => v);

function markerPage<T>(ctx: RouteContext, items: T[]) {
  const form = formOf(ctx.req);
  const size = Number(form.get('PageSize') ?? 400);
  const p = page(items, form.get('Marker'), size);
  if (!p) throw new ApiError(400, 'ValidationError', 'Invalid marker');
  return { items: p.items, more: p.next === undefined ? {} : { NextMarker: p.next } };
}

export const elbv2Routes: Route[] = [
  awsQueryRoute({
    service: 'elasticloadbalancing',
    operation: 'DescribeLoadBalancers',
    handle: (ctx, model) => {
      const p = markerPage(
        ctx,
        lbs(ctx).map((l) => l.loadBalancer),
      );
      return xmlOutput(
        model,
        'DescribeLoadBalancers',
        { LoadBalancers: p.items, ...p.more },
        ctx.requestId,
      );
    },
  }),
  awsQueryRoute({
    service: 'elasticloadbalancing',
    operation: 'DescribeTags',
    handle: (ctx, model) => {
      const arns = members(ctx, 'ResourceArns');
      if (arns.length > 20)
        throw new ApiError(400, 'ValidationError', 'ResourceArns must contain at most 20 items');
      const descriptions = arns.map((arn) => {
        const lb = lbs(ctx).find((l) => l.loadBalancer.LoadBalancerArn === arn);
        if (!lb)
          throw new ApiError(400, 'LoadBalancerNotFound', `Load balancers '[${arn}]' not found`);
        return { ResourceArn: arn, Tags: lb.tags };
      });
      return xmlOutput(model, 'DescribeTags', { TagDescriptions: descriptions }, ctx.requestId);
    },
  }),
  awsQueryRoute({
    service: 'elasticloadbalancing',
    operation: 'DescribeListeners',
    handle: (ctx, model) => {
      const arn = formOf(ctx.req).get('LoadBalancerArn');
      const lb = lbs(ctx).find((l) => l.loadBalancer.LoadBalancerArn === arn);
      if (!lb)
        throw new ApiError(400, 'LoadBalancerNotFound', `Load balancers '[${arn}]' not found`);
      const p = markerPage(ctx, lb.listeners);
      return xmlOutput(
        model,
        'DescribeListeners',
        { Listeners: p.items, ...p.more },
        ctx.requestId,
      );
    },
  }),
];
