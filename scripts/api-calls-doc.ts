import type { CallUnit, PlannedCall } from '../core/call-plan';
import type { AnyCheck } from '../core/check';
import type { Provider } from '../core/provider';
import { AWS_CALL_PLAN } from '../providers/aws/call-plan';
import { AWS_COLLECTOR_ACTIONS } from '../providers/aws/permissions';
import { AKS_PART_OPERATIONS } from '../providers/azure/aks-parts';
import { AZURE_CALL_PLAN } from '../providers/azure/call-plan';
import { GCP_CALL_PLAN } from '../providers/gcp/call-plan';
import { GKE_PART_OPERATIONS } from '../providers/gcp/gke-parts';

/** The calls of one cloud's collector, and the snapshot parts they fill. */
export interface CloudCallPlan {
  cloud: string;
  provider: Provider;
  target: string;
  plan: readonly PlannedCall[];
  /** Part → the operations that fill it (a listing and the describes it names go together). */
  parts: Readonly<Record<string, readonly string[]>>;
}

export const CALL_PLANS: readonly CloudCallPlan[] = [
  {
    cloud: 'AWS (Amazon EKS)',
    provider: 'eks',
    target: 'account + Region',
    plan: AWS_CALL_PLAN,
    // The parts' operations, plus the clusters' own (ListClusters, DescribeCluster).
    parts: AWS_COLLECTOR_ACTIONS,
  },
  {
    cloud: 'Google Cloud (GKE)',
    provider: 'gke',
    target: 'project',
    plan: GCP_CALL_PLAN,
    parts: GKE_PART_OPERATIONS,
  },
  {
    cloud: 'Azure (AKS)',
    provider: 'aks',
    target: 'subscription',
    plan: AZURE_CALL_PLAN,
    parts: AKS_PART_OPERATIONS,
  },
];

/** Units that grow with the clusters, in the order the summary names them. */
const PER_CLUSTER_UNITS: readonly CallUnit[] = [
  'cluster',
  'node group',
  'access entry',
  'add-on',
  'item',
];

const cell = (text: string): string => text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
const row = (cells: readonly string[]): string => `| ${cells.map(cell).join(' | ')} |`;

/**
 * The ids of the checks of the cloud that need this call: those whose `reads` name it (or a call
 * it serves), and those that read another call filling the same part (a listing is needed by
 * the readers of the describes it names).
 */
export function checksNeeding(
  call: PlannedCall,
  cloud: Pick<CloudCallPlan, 'provider' | 'parts'>,
  checks: readonly AnyCheck[],
): string[] {
  const names = new Set([call.operation, ...(call.serves ?? [])]);
  for (const ops of Object.values(cloud.parts)) {
    if (ops.includes(call.operation)) for (const op of ops) names.add(op);
  }
  return checks
    .filter((c) => c.meta.provider === cloud.provider && c.meta.reads.some((r) => names.has(r)))
    .map((c) => c.meta.id)
    .sort();
}

function summary(plan: readonly PlannedCall[]): string[] {
  const perCluster = plan.filter((c) => c.per === 'cluster').map((c) => `\`${c.operation}\``);
  const perItem = plan
    .filter((c) => PER_CLUSTER_UNITS.includes(c.per) && c.per !== 'cluster')
    .map((c) => `\`${c.operation}\` (per ${c.per})`);
  const wider = plan.filter((c) => !PER_CLUSTER_UNITS.includes(c.per)).length;
  return [
    `- Once per cluster (${perCluster.length}): ${perCluster.join(', ') || 'none'}.`,
    `- Once per object inside or used by a cluster (${perItem.length}): ${perItem.join(', ') || 'none'}.`,
    `- Once per target, account, Region or run, shared by the clusters: the other ${wider}.`,
  ];
}

/** docs/api-calls.md: every call of the three collectors, how often, which checks need it. */
export function renderApiCallsDoc(checks: readonly AnyCheck[]): string {
  const out = [
    '# API calls',
    '',
    '<!-- Generated from providers/*/call-plan.ts and the checks’ metadata by `npm run catalog`; do not edit by hand. -->',
    '',
    'Every call the collectors make, how many per run, target, cluster or object, which checks',
    'read its result (their `reads` metadata), and why it is not made less often. All calls are',
    'reads. A call that fails is recorded against the part it fills, for every cluster that',
    'needed it, and the checks reading that part say `unknown` naming the call; the other parts',
    'and clusters complete. Pages of a paged listing are further calls of the same operation.',
    '',
    'Collecting does not depend on which checks are enabled: every part is collected, since the',
    'snapshot is the audit evidence and can be re-evaluated later. `npm run bench` measures',
    'the calls per cluster of a synthetic estate (`callsPerCluster`, `operationsPerCluster`).',
    '',
    '“Per environment”: objects several targets need (an account’s IAM, a Region’s catalogs, a',
    'project’s or subscription’s shared objects) are kept for 10 minutes from their fetch by the',
    'process that collects. A CLI run or `npm run bench` is one environment for the whole run, so',
    'such a call is made once per run. In AWS each execution environment of the audit-target',
    'function keeps its own from its cold start and serves the targets Lambda hands it: the call',
    'is made once by each environment that audits a target of that account, Region, project or',
    'subscription of the same run within those 10 minutes (a new run starts afresh). That is',
    'once per run when one warm environment serves them all, and at most once per target when',
    'none share one (`npm run bench -- --cold-targets` measures that case). A call that failed',
    'is not kept: the next target asks again.',
    '',
  ];
  for (const c of CALL_PLANS) {
    const { cloud, target, plan } = c;
    out.push(`## ${cloud}`, '', `A target is one ${target}.`, '', ...summary(plan), '');
    out.push(
      row(['call', 'how many', 'checks that read it', 'why not fewer']),
      row(['---', '---', '---', '---']),
    );
    for (const call of plan) {
      const readers = checksNeeding(call, c, checks);
      const served = call.serves?.length
        ? ` (serves ${call.serves.map((s) => `\`${s}\``).join(', ')})`
        : '';
      out.push(
        row([
          `\`${call.operation}\`${served}`,
          call.count,
          readers.length > 0
            ? readers.join(', ')
            : 'every check of the cloud (credentials, or the clusters themselves)',
          call.why,
        ]),
      );
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
