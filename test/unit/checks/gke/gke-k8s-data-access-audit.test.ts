import { describe, expect, it } from 'vitest';
import { gkeK8sDataAccessAudit as check } from '../../../../checks/gke/gke-k8s-data-access-audit';
import type { GcpIamPolicy } from '../../../../core/snapshot-gke';
import { deniedPart, evaluateOne, gkeSnapshot, part, standardCluster } from '../../../builders/gke';

const snap = (p: GcpIamPolicy) =>
  gkeSnapshot(standardCluster(), {
    iamPolicy: part(p, 'cloudresourcemanager:projects.getIamPolicy'),
  });

describe('gke-k8s-data-access-audit', () => {
  it('passes DATA_READ + DATA_WRITE for container.googleapis.com or allServices', () => {
    const logs = [{ logType: 'DATA_READ' as const }, { logType: 'DATA_WRITE' as const }];
    expect(
      evaluateOne(
        check,
        snap({ auditConfigs: [{ service: 'container.googleapis.com', auditLogConfigs: logs }] }),
      ).status,
    ).toBe('pass');
    expect(
      evaluateOne(
        check,
        snap({ auditConfigs: [{ service: 'allServices', auditLogConfigs: logs }] }),
      ).status,
    ).toBe('pass');
  });

  it('fails without audit configs, naming what is missing', () => {
    const r = evaluateOne(
      check,
      snap({
        auditConfigs: [
          { service: 'container.googleapis.com', auditLogConfigs: [{ logType: 'ADMIN_READ' }] },
        ],
      }),
    );
    expect(r.status).toBe('fail');
    expect(r.message).toContain('DATA_READ and DATA_WRITE');
  });

  it('is unknown when getIamPolicy was denied', () => {
    const s = gkeSnapshot(standardCluster(), {
      iamPolicy: deniedPart('cloudresourcemanager:projects.getIamPolicy'),
    });
    expect(evaluateOne(check, s).status).toBe('unknown');
  });
});
