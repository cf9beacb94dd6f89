import { afterEach } from 'vitest';
import { ALL_CHECKS } from '../../../checks/index';
import type { Logger } from '../../../core/logger';
import type { Target } from '../../../core/target';
import { environmentHandler } from '../../../functions/audit-target/environment-handler';
import { parseRunConfig, type RunConfigInput } from '../../../pipeline/run-config';
import type { ObjectStore, TargetResult } from '../../../pipeline/types';
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
 * The audit-target function as Lambda wires it (one execution environment: the handler is made
 * once and serves every call), against the sandbox at `url`, running as the function role
 * (default: the auditor role the estate trusts), with a store of its own.
 */
export async function auditTargetFunction(
  url: string,
  input: RunConfigInput,
  opts: { roleName?: string; logger?: Logger; clock?: () => Date } = {},
): Promise<{ handler: ReturnType<typeof environmentHandler>; store: ObjectStore }> {
  const config = parseRunConfig(input);
  const { store } = await tempStore();
  const handler = environmentHandler({
    config,
    store,
    wiring: {
      region: AWS_REGION,
      awsCredentials: () => roleCredentials(url, opts.roleName ?? AUDITOR_ROLE),
      endpoints: { aws: url, google: url, arm: url },
    },
    checks: ALL_CHECKS,
    logger: opts.logger ?? silent,
    metrics,
    clock: opts.clock ?? clock,
  });
  return { handler, store };
}

/**
 * The audit-target function run once on a sandbox serving `estate`: returns the sandbox (its
 * counters and callers) and the target's stored result. Each test's sandbox is stopped after
 * the test.
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
    const { handler, store } = await auditTargetFunction(
      sb.url,
      setup.config(sb.url),
      setup.roleName === undefined ? {} : { roleName: setup.roleName },
    );
    const { resultKey } = await handler({ run: RUN, target: setup.target });
    return { sb, result: JSON.parse((await store.get(resultKey)) ?? 'null') as TargetResult };
  };
}
