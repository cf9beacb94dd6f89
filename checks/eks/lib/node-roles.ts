import type { Outcome, Subject } from '../../../core/check';
import { ev, notApplicable, readPart, unknown } from '../../../core/outcome';
import type { EksIamRole, EksSnapshot } from '../../../core/snapshot-eks';
import { findRole } from './iam-roles';

/** Where a role gives pods or nodes their AWS credentials. */
export type NodeRoleKind = 'node group' | 'Fargate profile' | 'Auto Mode';

/** A role the cluster's compute runs as, with what uses it. */
export interface NodeRoleUse {
  arn: string;
  /** `node role`, `Fargate pod execution role`, `Auto Mode node role`, or several of them. */
  label: string;
  /** The node groups / Fargate profiles using it, e.g. `node group system`. */
  users: string[];
}

const LABELS: Record<NodeRoleKind, string> = {
  'node group': 'node role',
  'Fargate profile': 'Fargate pod execution role',
  'Auto Mode': 'Auto Mode node role',
};

/** The result subject for an IAM role. */
export function roleSubject(arn: string): Subject {
  return { type: 'iam-role', id: arn, name: arn.slice(arn.lastIndexOf('/') + 1) };
}

/**
 * The roles the cluster's compute of the given kinds runs as: each managed node group's
 * `nodeRole`, each Fargate profile's `podExecutionRoleArn`, the Auto Mode
 * `computeConfig.nodeRoleArn`; each role once. Parts that could not be read give `unknown`
 * outcomes naming the call (the roles read from the other parts are still returned).
 * Self-managed nodes are not visible through the EKS API.
 */
export function nodeRoles(
  snapshot: EksSnapshot,
  kinds: readonly NodeRoleKind[],
): { roles: NodeRoleUse[]; problems: Outcome[]; sources: string[] } {
  const { ref, cluster, parts } = snapshot;
  const byArn = new Map<string, { labels: Set<string>; users: string[] }>();
  const problems: Outcome[] = [];
  const sources: string[] = [];
  const add = (arn: string | undefined, kind: NodeRoleKind, user: string) => {
    if (!arn) return;
    const entry = byArn.get(arn) ?? { labels: new Set<string>(), users: [] };
    entry.labels.add(LABELS[kind]);
    entry.users.push(`${kind} ${user}`);
    byArn.set(arn, entry);
  };
  if (kinds.includes('node group')) {
    const read = readPart(
      parts.nodegroups,
      `Node groups of cluster ${ref.name}`,
      'parts.nodegroups',
    );
    if (read.ok) {
      sources.push(`${read.value.length} managed node group(s)`);
      read.value.forEach((n, i) => {
        add(n.nodeRole, 'node group', n.nodegroupName ?? `#${i}`);
      });
      if (read.incomplete) problems.push(unknown(`Cluster ${ref.name}: ${read.incomplete}.`, []));
    } else problems.push(read.outcome);
  }
  if (kinds.includes('Fargate profile')) {
    const read = readPart(
      parts.fargateProfiles,
      `Fargate profiles of cluster ${ref.name}`,
      'parts.fargateProfiles',
    );
    if (read.ok) {
      sources.push(`${read.value.length} Fargate profile(s)`);
      read.value.forEach((f, i) => {
        add(f.podExecutionRoleArn, 'Fargate profile', f.fargateProfileName ?? `#${i}`);
      });
      if (read.incomplete) problems.push(unknown(`Cluster ${ref.name}: ${read.incomplete}.`, []));
    } else problems.push(read.outcome);
  }
  if (kinds.includes('Auto Mode') && cluster.computeConfig?.enabled === true) {
    sources.push('EKS Auto Mode');
    add(cluster.computeConfig.nodeRoleArn, 'Auto Mode', ref.name);
  }
  const roles = [...byArn].map(([arn, e]) => ({
    arn,
    label: [...e.labels].join(' and '),
    users: e.users,
  }));
  return { roles, problems, sources };
}

/**
 * Runs `judge` on every role of `nodeRoles`, one outcome per role (subject: the role); a role
 * that was not collected is `unknown` naming the failed call. A cluster whose parts were read
 * and show no such role is `not_applicable`.
 */
export function eachNodeRole(
  snapshot: EksSnapshot,
  kinds: readonly NodeRoleKind[],
  judge: (use: NodeRoleUse, role: EksIamRole, path: string, subject: Subject) => Outcome,
): Outcome[] {
  const { ref } = snapshot;
  const { roles, problems, sources } = nodeRoles(snapshot, kinds);
  const outcomes = roles.map((use): Outcome => {
    const subject = roleSubject(use.arn);
    const found = findRole(snapshot, use.arn);
    if (!found.ok) return { ...found.outcome, subject };
    return judge(use, found.role, found.path, subject);
  });
  // One outcome for every unreadable source: several without a subject would share a finding id.
  if (problems.length > 0) {
    outcomes.push(
      unknown(
        problems.map((p) => p.message).join(' '),
        problems.flatMap((p) => p.evidence),
      ),
    );
  }
  if (outcomes.length > 0) return outcomes;
  return [
    notApplicable(
      `Cluster ${ref.name} has no role of this kind to judge (${sources.join(', ') || 'nothing read'}); roles of self-managed nodes are not visible through the EKS API.`,
      [
        ev('parts.nodegroups.value[].nodeRole', []),
        ev('parts.fargateProfiles.value[].podExecutionRoleArn', []),
      ],
    ),
  ];
}
