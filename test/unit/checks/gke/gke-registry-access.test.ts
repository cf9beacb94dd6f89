import { describe, expect, it } from 'vitest';
import { gkeRegistryAccess as check } from '../../../../checks/gke/gke-registry-access';
import type { GcpIamPolicy } from '../../../../core/snapshot-gke';
import {
  autopilotCluster,
  evaluateOne,
  gkeSnapshot,
  part,
  standardCluster,
} from '../../../builders/gke';

const iam = (p: GcpIamPolicy) => part(p, 'cloudresourcemanager:projects.getIamPolicy');

describe('gke-registry-access', () => {
  it('passes when only CI can write', () => {
    const s = gkeSnapshot(standardCluster(), {
      iamPolicy: iam({
        bindings: [
          {
            role: 'roles/artifactregistry.writer',
            members: ['serviceAccount:ci@acme-prod.iam.gserviceaccount.com'],
          },
        ],
      }),
    });
    expect(evaluateOne(check, s).status).toBe('pass');
  });

  it('fails a node service account with a write role (nodes must be read-only)', () => {
    const s = gkeSnapshot(standardCluster(), {
      iamPolicy: iam({
        bindings: [
          {
            role: 'roles/storage.admin',
            members: ['serviceAccount:gke-nodes@acme-prod.iam.gserviceaccount.com'],
          },
        ],
      }),
    });
    expect(evaluateOne(check, s).message).toContain('node service account');
  });

  it('fails a public writer', () => {
    const s = gkeSnapshot(standardCluster(), {
      iamPolicy: iam({
        bindings: [{ role: 'roles/storage.objectCreator', members: ['allUsers'] }],
      }),
    });
    expect(evaluateOne(check, s).status).toBe('fail');
  });

  it('is unknown for a default node SA without the project number', () => {
    const s = gkeSnapshot(autopilotCluster(), { iamPolicy: iam({ bindings: [] }) });
    expect(evaluateOne(check, s).status).toBe('unknown');
  });
});
