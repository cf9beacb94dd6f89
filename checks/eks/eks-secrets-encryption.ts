import type { EksCheck } from '../../core/check';
import { ev, fail, pass, unknown } from '../../core/outcome';

const PATH = 'cluster.encryptionConfig';

export const eksSecretsEncryption: EksCheck = {
  meta: {
    id: 'eks-secrets-encryption',
    provider: 'eks',
    title: 'EKS cluster encrypts Kubernetes Secrets with a customer KMS key',
    severity: 'medium',
    family: 'secrets-encryption',
    categories: ['data-protection'],
    risk: 'Without envelope encryption under your own KMS key, Secrets in etcd are protected only by a key you cannot audit, disable or revoke; key use is not logged in your CloudTrail.',
    remediation: {
      summary:
        'Associate a customer managed symmetric KMS key with the cluster for the `secrets` resource (cannot be undone).',
      cli: 'aws eks associate-encryption-config --cluster-name <cluster> --encryption-config \'[{"resources":["secrets"],"provider":{"keyArn":"arn:aws:kms:<region>:<account>:key/<key-id>"}}]\'',
      iac: 'CDK: secretsEncryptionKey: kms.Key; Terraform aws_eks_cluster: encryption_config { resources = ["secrets"], provider { key_arn = aws_kms_key.eks.arn } }',
      url: 'https://docs.aws.amazon.com/eks/latest/userguide/enable-kms.html',
    },
    frameworks: { 'cis-eks-1.8.0': ['5.3.1'], 'aws-securityhub': ['EKS.3'] },
    reads: ['eks:DescribeCluster'],
  },
  evaluate({ cluster, ref }) {
    const configs = cluster.encryptionConfig;
    // DescribeCluster omits encryptionConfig when no KMS key was ever associated: not configured.
    // (EKS 1.28+ still encrypts with an AWS owned key, which the customer cannot audit or revoke.)
    if (configs === undefined || configs.length === 0) {
      return fail(
        `Cluster ${ref.name} has no encryptionConfig: Secrets are not envelope-encrypted with a customer KMS key.`,
        [ev(PATH, configs)],
      );
    }
    const forSecrets = configs
      .map((config, i) => ({ config, i }))
      .filter(({ config }) => (config.resources ?? []).includes('secrets'));
    const withKey = forSecrets.find(({ config }) => Boolean(config.provider?.keyArn));
    if (withKey) {
      return pass(
        `Cluster ${ref.name} encrypts Secrets with KMS key ${withKey.config.provider?.keyArn}.`,
        [
          ev(`${PATH}[${withKey.i}].resources`, withKey.config.resources),
          ev(`${PATH}[${withKey.i}].provider.keyArn`, withKey.config.provider?.keyArn),
        ],
      );
    }
    const [first] = forSecrets;
    if (first) {
      // The API requires a key for every association: an entry without one is a damaged export.
      return unknown(
        `Cluster ${ref.name}: encryptionConfig[${first.i}] covers secrets but its provider.keyArn is missing from the input, so the key cannot be confirmed.`,
        [
          ev(`${PATH}[${first.i}].resources`, first.config.resources),
          ev(`${PATH}[${first.i}].provider.keyArn`, first.config.provider?.keyArn),
        ],
      );
    }
    return fail(
      `Cluster ${ref.name} has an encryptionConfig, but no entry covers the secrets resource.`,
      configs.map((config, i) => ev(`${PATH}[${i}].resources`, config.resources)),
    );
  },
};
