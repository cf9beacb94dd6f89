import { afterEach } from 'vitest';
import { ALL_CHECKS } from '../../../checks/index';
import type { Logger } from '../../../core/logger';
import type { Target } from '../../../core/target';
import { collectorsFor } from '../../../functions/audit-target/collectors';
import { makeHandler } from '../../../functions/audit-target/handler';
import { parseRunConfig, type RunConfigInput } from '../../../pipeline/run-config';
import type { TargetResult } from '../../../pipeline/types';
import type { EstateInput } from '../../../sandbox/estate';
import { type Sandbox, startSandbox } from '../../../sandbox/server';
import { clock, RUN, tempStore } from '../../helpers/pipeline-fakes';
import { AUDITOR_ROLE, AWS_REGION, roleCredentials } from './federation-estate';

export interface AuditTargetSetup {
  estate: EstateInput;
  /** The run configuration, given the sandbox's URL (token and authority endpoints live there). */
  config(url: string): RunConfigInput;
  target: Target;
  /** The role the function runs as (default: the auditor role the estate trusts). */
  roleName?: string;
}

const silent: Logger = { info() {}, warn() {}, error() {} };
const metrics = { addMetric() {}, publishStoredMetrics() {} };

/**
 * The audit-target function as Lambda wires it, run once on a sandbox serving `estate`, with the
 * function role's credentials: returns the sandbox (its counters and callers) and the target's
 * stored result. Each test's sandbox is stopped after the test.
 */
export function auditTargetHarness(): (
  setup: AuditTargetSetup,
) => Promise<{ sb: Sandbox; result: TargetResult }> {
  let sb: Sandbox | undefined;
  afterEach(async () => {
    await sb?.stop();
    sb = undefined;
  });
  return async (setup) => {
    sb = await startSandbox({ estate: setup.estate });
    const url = sb.url;
    const config = parseRunConfig(setup.config(url));
    const { store } = await tempStore();
    const handler = makeHandler({
      config,
      store,
      collectors: () =>
        collectorsFor(config, {
          region: AWS_REGION,
          awsCredentials: () => roleCredentials(url, setup.roleName ?? AUDITOR_ROLE),
          endpoints: { aws: url, google: url, arm: url },
        }),
      checks: ALL_CHECKS,
      logger: silent,
      metrics,
      clock,
    });
    const { resultKey } = await handler({ run: RUN, target: setup.target });
    return { sb, result: JSON.parse((await store.get(resultKey)) ?? 'null') as TargetResult };
  };
}
