import { describe, expect, it } from 'vitest';
import { gkeSecretsEncryptionCmek as check } from '../../../../checks/gke/gke-secrets-encryption-cmek';
import {
  autopilotCluster,
  caiCluster,
  evaluateOne,
  gkeSnapshot,
  standardCluster,
} from '../../../builders/gke';

describe('gke-secrets-encryption-cmek', () => {
  it('passes with state ENCRYPTED and a key', () => {
    expect(evaluateOne(check, gkeSnapshot(standardCluster())).status).toBe('pass');
  });

  it('fails on DECRYPTED and on an omitted databaseEncryption', () => {
    expect(evaluateOne(check, gkeSnapshot(autopilotCluster())).status).toBe('fail');
    expect(evaluateOne(check, gkeSnapshot(caiCluster('gke_legacy_abac', 'joe-clust'))).status).toBe(
      'fail',
    );
  });

  it('fails when the current state reports an encryption error', () => {
    const c = standardCluster();
    if (c.databaseEncryption) c.databaseEncryption.currentState = 'CURRENT_STATE_ENCRYPTION_ERROR';
    expect(evaluateOne(check, gkeSnapshot(c)).message).toContain('CURRENT_STATE_ENCRYPTION_ERROR');
  });
});
