import { describe, expect, it } from 'vitest';
import { eksSecretsKmsKeyQuality as check } from '../../../../checks/eks/eks-secrets-kms-key-quality';
import { collected } from '../../../../core/snapshot';
import type { EksSecretsKey } from '../../../../core/snapshot-eks';
import {
  describeClusterExample,
  eksSnapshot,
  encryptionConfigExample,
  evaluateOne,
} from '../../../builders/eks';
import { fixture } from '../../../fixture';

const ACCOUNT_ROOT_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Id: 'key-default-1',
  Statement: [
    {
      Sid: 'Enable IAM User Permissions',
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::111122223333:root' },
      Action: 'kms:*',
      Resource: '*',
    },
  ],
});

function key(
  describe: 'describe-key.2.json' | 'describe-key.3.json',
  extra: Partial<EksSecretsKey> = {},
): EksSecretsKey {
  const { KeyMetadata } = fixture<{ KeyMetadata: EksSecretsKey['metadata'] }>(
    `aws/kms/${describe}`,
  );
  const rotation = fixture<{ KeyRotationEnabled: boolean }>('aws/kms/get-key-rotation-status.json');
  return {
    keyArn: KeyMetadata.Arn ?? '',
    metadata: KeyMetadata,
    rotationEnabled: rotation.KeyRotationEnabled,
    policy: ACCOUNT_ROOT_POLICY,
    ...extra,
  };
}

function encrypted(secretsKey?: EksSecretsKey) {
  const cluster = describeClusterExample();
  cluster.encryptionConfig = encryptionConfigExample();
  return eksSnapshot(
    cluster,
    secretsKey
      ? {
          secretsKey: collected(secretsKey, [
            'kms:DescribeKey',
            'kms:GetKeyRotationStatus',
            'kms:GetKeyPolicy',
          ]),
        }
      : {},
  );
}

describe('eks-secrets-kms-key-quality', () => {
  it('passes an enabled customer managed key with rotation and an account-only policy', () => {
    const result = evaluateOne(check, encrypted(key('describe-key.3.json')));
    expect(result.status).toBe('pass');
    expect(result.evidence).toContainEqual({
      path: 'parts.secretsKey.value.metadata.KeyState',
      value: 'Enabled',
    });
  });

  it('fails the docs disabled key', () => {
    const result = evaluateOne(check, encrypted(key('describe-key.2.json')));
    expect(result.status).toBe('fail');
    expect(result.message).toContain('Disabled');
  });

  it('fails with rotation off, and with a policy open to "*" without a condition', () => {
    expect(
      evaluateOne(check, encrypted(key('describe-key.3.json', { rotationEnabled: false }))).message,
    ).toContain('rotation is off');
    const open = JSON.stringify({
      Statement: [{ Effect: 'Allow', Principal: '*', Action: 'kms:Decrypt', Resource: '*' }],
    });
    expect(evaluateOne(check, encrypted(key('describe-key.3.json', { policy: open }))).status).toBe(
      'fail',
    );
    const conditioned = JSON.stringify({
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: '*' },
          Action: 'kms:Decrypt',
          Resource: '*',
          Condition: { StringEquals: { 'kms:CallerAccount': '111122223333' } },
        },
      ],
    });
    expect(
      evaluateOne(check, encrypted(key('describe-key.3.json', { policy: conditioned }))).status,
    ).toBe('pass');
  });

  it('is not applicable without a Secrets key and unknown when the key was not read', () => {
    expect(evaluateOne(check, eksSnapshot()).status).toBe('not_applicable');
    expect(evaluateOne(check, encrypted()).status).toBe('unknown');
  });

  it('is unknown when the key looks fine but its policy was not read', () => {
    const partial = key('describe-key.3.json');
    delete partial.policy;
    expect(evaluateOne(check, encrypted(partial)).status).toBe('unknown');
  });
});
