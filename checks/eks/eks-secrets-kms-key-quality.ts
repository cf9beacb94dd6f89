import type { EksCheck, Evidence } from '../../core/check';
import { ev, fail, notApplicable, pass, readPart, unknown } from '../../core/outcome';

const KEY = 'parts.secretsKey.value';

interface Statement {
  Effect?: unknown;
  Principal?: unknown;
  Condition?: unknown;
}

/** True when a principal element names everyone (`"*"` or `{"AWS": "*"}`). */
function isEveryone(principal: unknown): boolean {
  if (principal === '*') return true;
  if (typeof principal !== 'object' || principal === null) return false;
  const aws = (principal as Record<string, unknown>)['AWS'];
  return aws === '*' || (Array.isArray(aws) && aws.includes('*'));
}

/** Allow statements open to everyone without a condition, or an error when the policy is unreadable. */
function openStatements(policy: string): { open: number } | { error: string } {
  try {
    const doc = JSON.parse(policy) as { Statement?: Statement | Statement[] };
    const statements = Array.isArray(doc.Statement)
      ? doc.Statement
      : doc.Statement
        ? [doc.Statement]
        : [];
    return {
      open: statements.filter(
        (s) => s.Effect === 'Allow' && isEveryone(s.Principal) && s.Condition === undefined,
      ).length,
    };
  } catch (error) {
    return { error: `the key policy is not JSON: ${(error as Error).message}` };
  }
}

export const eksSecretsKmsKeyQuality: EksCheck = {
  meta: {
    id: 'eks-secrets-kms-key-quality',
    provider: 'eks',
    title: 'EKS Secrets KMS key is customer managed, enabled, rotated and not open to everyone',
    severity: 'medium',
    family: 'secrets-encryption-key',
    categories: ['data-protection'],
    risk: 'A disabled or deleted key makes every Secret unreadable (the cluster breaks); a key without rotation or with a policy open to any principal weakens the envelope encryption that protects Secrets.',
    remediation: {
      summary:
        'Keep the key enabled (cancel a pending deletion), turn on automatic rotation and restrict the key policy to named principals.',
      cli: 'aws kms enable-key-rotation --key-id <key-id>; aws kms cancel-key-deletion --key-id <key-id>; aws kms put-key-policy --key-id <key-id> --policy-name default --policy file://policy.json',
      iac: 'CDK: new kms.Key(this, "EksSecrets", { enableKeyRotation: true, removalPolicy: RemovalPolicy.RETAIN }); Terraform aws_kms_key: enable_key_rotation = true, deletion_window_in_days = 30',
      url: 'https://docs.aws.amazon.com/eks/latest/userguide/envelope-encryption.html',
    },
    frameworks: { 'cis-eks-1.8.0': ['5.3.1'] },
    reads: [
      'eks:DescribeCluster',
      'kms:DescribeKey',
      'kms:GetKeyRotationStatus',
      'kms:GetKeyPolicy',
    ],
  },
  evaluate({ cluster, ref, parts }) {
    const keyArn = cluster.encryptionConfig?.find((c) => c.resources?.includes('secrets'))?.provider
      ?.keyArn;
    if (!keyArn) {
      return notApplicable(
        `Cluster ${ref.name} does not envelope-encrypt Secrets with a KMS key (see eks-secrets-encryption).`,
        [ev('cluster.encryptionConfig', cluster.encryptionConfig)],
      );
    }
    const read = readPart(parts.secretsKey, `KMS key ${keyArn} of cluster ${ref.name}`, KEY);
    if (!read.ok) return read.outcome;
    const { metadata, rotationEnabled, policy } = read.value;
    const evidence: Evidence[] = [
      ev(`${KEY}.metadata.KeyManager`, metadata.KeyManager),
      ev(`${KEY}.metadata.KeyState`, metadata.KeyState),
      ev(`${KEY}.rotationEnabled`, rotationEnabled),
    ];
    const problems: string[] = [];
    const gaps: string[] = [];
    if (metadata.KeyManager !== 'CUSTOMER')
      problems.push(
        `it is ${metadata.KeyManager ?? 'not known to be'} managed, not customer managed`,
      );
    if (metadata.KeyState !== 'Enabled')
      problems.push(
        `its state is ${metadata.KeyState ?? 'unknown'}, so Secrets cannot be decrypted`,
      );
    if (rotationEnabled === false) problems.push('automatic rotation is off');
    if (rotationEnabled === undefined) gaps.push('its rotation status was not read');
    if (policy === undefined) {
      gaps.push('its key policy was not read');
    } else {
      const open = openStatements(policy);
      evidence.push(ev(`${KEY}.policy`, policy));
      if ('error' in open) gaps.push(open.error);
      else if (open.open > 0)
        problems.push(
          `its key policy allows any principal ("*") without a condition in ${open.open} statement(s)`,
        );
    }
    if (problems.length > 0) {
      return fail(
        `The Secrets KMS key ${keyArn} of cluster ${ref.name}: ${problems.join('; ')}.`,
        evidence,
      );
    }
    const incomplete = [...gaps, ...(read.incomplete ? [read.incomplete] : [])];
    if (incomplete.length > 0) {
      return unknown(
        `The Secrets KMS key ${keyArn} of cluster ${ref.name} shows no problem so far, but ${incomplete.join('; ')}.`,
        evidence,
      );
    }
    return pass(
      `The Secrets KMS key ${keyArn} of cluster ${ref.name} is customer managed, enabled, rotated and restricted to named principals.`,
      evidence,
    );
  },
};
