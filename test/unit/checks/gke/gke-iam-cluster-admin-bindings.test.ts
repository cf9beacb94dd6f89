import { describe, expect, it } from 'vitest';
import { gkeIamClusterAdminBindings as check } from '../../../../checks/gke/gke-iam-cluster-admin-bindings';
import { AuditConfig } from '../../../../core/config';
import type { GcpIamPolicy } from '../../../../core/snapshot-gke';
import {
  evalContext,
  evaluateOne,
  gkeSnapshot,
  part,
  standardCluster,
} from '../../../builders/gke';

const snap = (p: GcpIamPolicy) =>
  gkeSnapshot(standardCluster(), {
    iamPolicy: part(p, 'cloudresourcemanager:projects.getIamPolicy'),
  });

describe('gke-iam-cluster-admin-bindings', () => {
  it('passes a few internal admins', () => {
    const r = evaluateOne(
      check,
      snap({
        bindings: [{ role: 'roles/container.admin', members: ['group:gke-admins@acme.example'] }],
      }),
    );
    expect(r.status).toBe('pass');
  });

  it('fails a public principal', () => {
    const r = evaluateOne(
      check,
      snap({ bindings: [{ role: 'roles/container.admin', members: ['allAuthenticatedUsers'] }] }),
    );
    expect(r.status).toBe('fail');
    expect(r.message).toContain('allAuthenticatedUsers');
  });

  it('fails an external domain when trusted domains are configured', () => {
    const ctx = {
      ...evalContext(),
      config: AuditConfig.parse({ gke: { trustedDomains: ['acme.example'] } }),
    };
    const r = evaluateOne(
      check,
      snap({
        bindings: [
          { role: 'roles/owner', members: ['user:eve@gmail.com', 'user:ann@acme.example'] },
        ],
      }),
      ctx,
    );
    expect(r.status).toBe('fail');
    expect(r.message).toContain('eve@gmail.com');
  });

  it('is unknown without the IAM policy', () => {
    expect(evaluateOne(check, gkeSnapshot(standardCluster())).status).toBe('unknown');
  });
});
