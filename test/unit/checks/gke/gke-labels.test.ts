import { describe, expect, it } from 'vitest';
import { gkeLabels as check } from '../../../../checks/gke/gke-labels';
import { AuditConfig } from '../../../../core/config';
import { caiCluster, evalContext, evaluateOne, gkeSnapshot } from '../../../builders/gke';

const cluster = (asset: string) => gkeSnapshot(caiCluster('enforce_labels_gke', asset));

describe('gke-labels', () => {
  it('passes with any label when none is required', () => {
    expect(evaluateOne(check, cluster('joe-clust3-invalid-missing-label2')).status).toBe('pass');
  });

  it('fails without labels', () => {
    expect(evaluateOne(check, cluster('joe-clust1-invalid-missing-labels')).status).toBe('fail');
  });

  it('fails when a required label is missing and passes when all are there', () => {
    const ctx = {
      ...evalContext(),
      config: AuditConfig.parse({ gke: { requiredLabels: ['label1', 'label2'] } }),
    };
    const r = evaluateOne(check, cluster('joe-clust2-invalid-missing-label1'), ctx);
    expect(r.status).toBe('fail');
    expect(r.message).toContain('label1');
    expect(evaluateOne(check, cluster('joe-clust5-valid'), ctx).status).toBe('pass');
  });
});
