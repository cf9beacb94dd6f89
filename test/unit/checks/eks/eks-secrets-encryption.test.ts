import { describe, expect, it } from 'vitest';
import { eksSecretsEncryption as check } from '../../../../checks/eks/eks-secrets-encryption';
import {
  describeClusterExample,
  eksSnapshot,
  encryptionConfigExample,
  evaluateOne,
} from '../../../builders/eks';

describe('eks-secrets-encryption', () => {
  it('passes with the encryptionConfig the docs associate (secrets + KMS key)', () => {
    const cluster = describeClusterExample();
    cluster.encryptionConfig = encryptionConfigExample();
    const result = evaluateOne(check, eksSnapshot(cluster));
    expect(result.status).toBe('pass');
    expect(result.evidence).toEqual([
      { path: 'cluster.encryptionConfig[0].resources', value: ['secrets'] },
      {
        path: 'cluster.encryptionConfig[0].provider.keyArn',
        value: 'arn:aws:kms:region-code:account:key/key',
      },
    ]);
  });

  it('fails on the docs example, which has no encryptionConfig (the API omits it when unset)', () => {
    const result = evaluateOne(check, eksSnapshot());
    expect(result.status).toBe('fail');
    expect(result.message).toContain('my-eks-cluster');
    expect(result.evidence).toEqual([
      { path: 'cluster.encryptionConfig', value: null, absent: true },
    ]);
  });

  it('regression: fails when encryptionConfig exists but covers no secrets (Prowler passes it)', () => {
    const cluster = describeClusterExample();
    const [entry] = encryptionConfigExample();
    cluster.encryptionConfig = [{ ...entry, resources: [] }];
    const result = evaluateOne(check, eksSnapshot(cluster));
    expect(result.status).toBe('fail');
    expect(result.evidence).toEqual([{ path: 'cluster.encryptionConfig[0].resources', value: [] }]);
  });

  it('fails on an empty encryptionConfig list', () => {
    const cluster = describeClusterExample();
    cluster.encryptionConfig = [];
    expect(evaluateOne(check, eksSnapshot(cluster)).status).toBe('fail');
  });

  it('is unknown when the secrets entry has lost its key ARN (a damaged export)', () => {
    const cluster = describeClusterExample();
    cluster.encryptionConfig = [{ resources: ['secrets'], provider: {} }];
    const result = evaluateOne(check, eksSnapshot(cluster));
    expect(result.status).toBe('unknown');
    expect(result.evidence[1]).toMatchObject({ absent: true });
  });
});
