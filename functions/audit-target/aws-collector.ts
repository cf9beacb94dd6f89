import { CallLimiter } from '../../core/call-limiter';
import type { Collector } from '../../core/collector';
import type { RunConfig } from '../../pipeline/run-config';
import { createAwsCollector } from '../../providers/aws/collector';
import type { CollectorWiring } from './collectors';

/** The AWS collector: the function role, and the read-only member role in other accounts. */
export function awsCollector(config: RunConfig, wiring: CollectorWiring): Collector {
  const { memberRoleName, externalId } = config.aws;
  const endpoint = wiring.endpoints?.aws;
  return createAwsCollector({
    // One target per invocation: the limit is the target's account+region, the scope of the
    // read quotas it is sized to.
    calls: new CallLimiter(config.callsInFlight.aws),
    assumeRole: { roleName: memberRoleName, ...(externalId === undefined ? {} : { externalId }) },
    ...(endpoint === undefined ? {} : { endpoint }),
    ...(wiring.sharedCache === undefined ? {} : { sharedCache: wiring.sharedCache }),
    ...(wiring.awsCredentials === undefined ? {} : { credentials: wiring.awsCredentials }),
  });
}
