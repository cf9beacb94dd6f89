import { describe, expect, it } from 'vitest';
import { gkeNodeSaRoles as check } from '../../../../checks/gke/gke-node-sa-roles';
import type { GcpIamPolicy } from '../../../../core/snapshot-gke';
import {
  autopilotCluster,
  deniedPart,
  evaluateOne,
  gkeSnapshot,
  part,
  standardCluster,
} from '../../../builders/gke';

const policy = (p: GcpIamPolicy) => part(p, 'cloudresourcemanager:projects.getIamPolicy');
const project = part(
  { projectId: 'acme-prod', projectNumber: '123456789012' },
  'cloudresourcemanager:projects.get',
);
const NODE = 'serviceAccount:gke-nodes@acme-prod.iam.gserviceaccount.com';

describe('gke-node-sa-roles', () => {
  it('passes when the node service account holds only the node role', () => {
    const s = gkeSnapshot(standardCluster(), {
      iamPolicy: policy({
        bindings: [{ role: 'roles/container.defaultNodeServiceAccount', members: [NODE] }],
      }),
    });
    expect(evaluateOne(check, s).status).toBe('pass');
  });

  it('fails on Editor held by the default compute SA, resolved with the project number', () => {
    const s = gkeSnapshot(autopilotCluster(), {
      project,
      iamPolicy: policy({
        bindings: [
          {
            role: 'roles/editor',
            members: ['serviceAccount:123456789012-compute@developer.gserviceaccount.com'],
          },
        ],
      }),
    });
    const r = evaluateOne(check, s);
    expect(r.status).toBe('fail');
    expect(r.message).toContain('roles/editor');
  });

  it('is unknown for "default" when the project number was not read', () => {
    const s = gkeSnapshot(autopilotCluster(), {
      iamPolicy: policy({ bindings: [] }),
      project: deniedPart('cloudresourcemanager:projects.get'),
    });
    expect(evaluateOne(check, s).status).toBe('unknown');
  });

  it('is unknown when getIamPolicy was denied', () => {
    const s = gkeSnapshot(standardCluster(), {
      iamPolicy: deniedPart('cloudresourcemanager:projects.getIamPolicy'),
    });
    expect(evaluateOne(check, s).message).toContain('cloudresourcemanager:projects.getIamPolicy');
  });
});
