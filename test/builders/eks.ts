import type { EksCheck, EvalContext, Outcome } from '../../core/check';
import { defaultAuditConfig } from '../../core/config';
import { collected } from '../../core/snapshot';
import type {
  EksAccessEntry,
  EksAddon,
  EksCluster,
  EksFargateProfile,
  EksNodegroup,
  EksParts,
  EksPodIdentityAssociation,
  EksSnapshot,
} from '../../core/snapshot-eks';
import { eksPartsNotCollected } from '../../providers/aws/eks-parts';
import { eksRef } from '../../providers/aws/eks-ref';
import { fixture } from '../fixture';

/** The AWS CLI docs' DescribeCluster example (`my-eks-cluster`, v1.26, all logs on). */
export function describeClusterExample(): EksCluster {
  return fixture<{ cluster: EksCluster }>('aws/eks/describe-cluster.json').cluster;
}

/** The `cluster` of another real DescribeCluster-shaped example under test/fixtures/aws/eks. */
export function clusterExample(file: 'delete-cluster.json' | 'create-cluster.2.json'): EksCluster {
  return fixture<{ cluster: EksCluster }>(`aws/eks/${file}`).cluster;
}

/** The `encryptionConfig` list the AWS CLI docs associate with a cluster (a real request value). */
export function encryptionConfigExample(): NonNullable<EksCluster['encryptionConfig']> {
  const { update } = fixture<{ update: { params: { type: string; value: string }[] } }>(
    'aws/eks/associate-encryption-config.json',
  );
  const param = update.params.find((p) => p.type === 'EncryptionConfig');
  if (!param) throw new Error('associate-encryption-config.json has no EncryptionConfig param');
  return JSON.parse(param.value) as NonNullable<EksCluster['encryptionConfig']>;
}

/** The AWS CLI docs' DescribeNodegroup example (`my-eks-nodegroup`, v1.26, no remote access). */
export function describeNodegroupExample(): EksNodegroup {
  return fixture<{ nodegroup: EksNodegroup }>('aws/eks/describe-nodegroup.json').nodegroup;
}

/** A snapshot of the docs cluster (or `cluster`) whose node groups part holds `nodegroups`. */
export function eksSnapshotWithNodegroups(
  nodegroups: EksNodegroup[],
  cluster: EksCluster = describeClusterExample(),
): EksSnapshot {
  return eksSnapshot(cluster, {
    nodegroups: collected(nodegroups, ['eks:ListNodegroups', 'eks:DescribeNodegroup']),
  });
}

/** The AWS CLI docs' DescribeAddon example (vpc-cni with YAML configurationValues). */
export function describeAddonExample(): EksAddon {
  return fixture<{ addon: EksAddon }>('aws/eks/describe-addon.json').addon;
}

/** The AWS CLI docs' DescribeAccessEntry example (IAM user `eks-admin-user`, STANDARD). */
export function describeAccessEntryExample(): EksAccessEntry['entry'] {
  return fixture<{ accessEntry: EksAccessEntry['entry'] }>('aws/eks/describe-access-entry.json')
    .accessEntry;
}

/** The AWS CLI docs' ListAssociatedAccessPolicies example (AmazonEKSAdminPolicy, cluster scope). */
export function associatedAccessPoliciesExample(): {
  principalArn: string;
  associatedAccessPolicies: EksAccessEntry['associatedAccessPolicies'];
} {
  return fixture('aws/eks/list-associated-access-policies.json');
}

/** A snapshot of `cluster` (default: the docs example), with parts not collected unless given. */
export function eksSnapshot(
  cluster: EksCluster = describeClusterExample(),
  parts: Partial<EksParts> = {},
): EksSnapshot {
  return {
    provider: 'eks',
    ref: eksRef(cluster),
    source: { kind: 'export', file: 'test', format: 'aws-eks-describe-cluster' },
    cluster,
    parts: { ...eksPartsNotCollected('the test input'), ...parts },
  };
}

/** A context at a fixed date with the default configuration. */
export function evalContext(now = '2026-11-28T00:00:00Z'): EvalContext {
  return { now: new Date(now), config: defaultAuditConfig() };
}

/** Runs a check and returns its outcomes as a list. */
export function evaluate(check: EksCheck, snapshot: EksSnapshot, ctx = evalContext()): Outcome[] {
  const out = check.evaluate(snapshot, ctx);
  return Array.isArray(out) ? out : [out];
}

/** Runs a check that yields exactly one outcome. */
export function evaluateOne(check: EksCheck, snapshot: EksSnapshot, ctx = evalContext()): Outcome {
  const [only, ...rest] = evaluate(check, snapshot, ctx);
  if (!only || rest.length > 0) throw new Error(`expected one outcome from ${check.meta.id}`);
  return only;
}

/** The AWS CLI docs' DescribeFargateProfile example (`my-fargate-profile` of `my-eks-cluster`). */
export function describeFargateProfileExample(): EksFargateProfile {
  return fixture<{ fargateProfile: EksFargateProfile }>('aws/eks/describe-fargate-profile.json')
    .fargateProfile;
}

/** The AWS CLI docs' DescribePodIdentityAssociation example (`default/default`). */
export function describePodIdentityAssociationExample(): EksPodIdentityAssociation {
  return fixture<{ association: EksPodIdentityAssociation }>(
    'aws/eks/describe-pod-identity-association.json',
  ).association;
}
