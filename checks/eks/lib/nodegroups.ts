import type { Outcome, Subject } from '../../../core/check';
import { ev, notApplicable, readPart, unknown } from '../../../core/outcome';
import type { EksNodegroup, EksSnapshot } from '../../../core/snapshot-eks';

export const NODEGROUPS_PATH = 'parts.nodegroups.value';

/** The result subject for a managed node group. */
export function nodegroupSubject(nodegroup: EksNodegroup, fallbackName: string): Subject {
  const name = nodegroup.nodegroupName ?? fallbackName;
  return { type: 'eks-nodegroup', id: nodegroup.nodegroupArn ?? name, name };
}

/**
 * Runs `judge` on every managed node group of the snapshot, giving one outcome per node group.
 * When the node groups could not be read the result is one `unknown` naming the failed call;
 * node groups whose DescribeNodegroup failed get their own `unknown`; a cluster without
 * managed node groups is `not_applicable`.
 */
export function eachNodegroup(
  snapshot: EksSnapshot,
  judge: (nodegroup: EksNodegroup, path: string, subject: Subject) => Outcome,
): Outcome[] {
  const { ref } = snapshot;
  const read = readPart(
    snapshot.parts.nodegroups,
    `Node groups of cluster ${ref.name}`,
    'parts.nodegroups',
  );
  if (!read.ok) return [read.outcome];
  const outcomes = read.value.map((nodegroup, i) =>
    judge(nodegroup, `${NODEGROUPS_PATH}[${i}]`, nodegroupSubject(nodegroup, `#${i}`)),
  );
  const part = snapshot.parts.nodegroups;
  for (const error of part.state === 'collected' ? (part.errors ?? []) : []) {
    const name = error.resource ?? error.operation;
    outcomes.push(
      unknown(
        `Node group ${name} of cluster ${ref.name} could not be read: ${error.operation} failed with ${error.code}: ${error.message}.`,
        [ev('parts.nodegroups.errors', error)],
        { type: 'eks-nodegroup', id: name, name },
      ),
    );
  }
  if (outcomes.length === 0) {
    return [
      notApplicable(`Cluster ${ref.name} has no managed node groups.`, [
        ev(NODEGROUPS_PATH, read.value),
      ]),
    ];
  }
  return outcomes;
}
