import type { Route } from '../route';
import { accountOf } from './estate-lookup';
import { awsQueryRoute, formOf, xmlOutput } from './protocol';

/** EC2 (ec2 query protocol): the regions enabled in the caller's account. */

export const ec2Routes: Route[] = [
  awsQueryRoute({
    service: 'ec2',
    operation: 'DescribeRegions',
    handle: (ctx, model) => {
      const account = accountOf(ctx.state, ctx.req);
      const form = formOf(ctx.req);
      const wanted = [...form.entries()]
        .filter(([k]) => /^RegionName\.\d+$/.test(k))
        .map(([, v]) => v);
      const enabled = account?.enabledRegions ?? Object.keys(account?.regions ?? {});
      const regions = enabled
        .filter((r) => wanted.length === 0 || wanted.includes(r))
        .map((r) => ({
          RegionName: r,
          Endpoint: `ec2.${r}.amazonaws.com`,
          OptInStatus: 'opt-in-not-required',
        }));
      return xmlOutput(model, 'DescribeRegions', { Regions: regions }, ctx.requestId);
    },
  }),
];
