import type { Collector } from '../core/collector';
import type { Cloud } from '../core/provider';

/**
 * Collectors that make fresh ones for every target (`npm run bench -- --cold-targets`): no
 * object is shared between targets, as in a deployed run where no two targets of one account,
 * Region, project or subscription are served by the same warm execution environment (the worst
 * case; the default, one collector per cloud, is one warm environment serving every target).
 */
export function coldTargetCollectors(
  make: () => Record<Cloud, Collector>,
): Record<Cloud, Collector> {
  const fresh = (cloud: Cloud): Collector => ({
    collect: (target, progress, listed) => make()[cloud].collect(target, progress, listed),
  });
  return { aws: fresh('aws'), gcp: fresh('gcp'), azure: fresh('azure') };
}
