import { describe, expect, it } from 'vitest';
import type { GkeSnapshot } from '../../../../core/snapshot-gke';
import { readExport } from '../../../../providers/exports';
import { toSnapshotFile } from '../../../../providers/snapshot-file';
import { autopilotCluster, caiCluster, gkeSnapshot, standardCluster } from '../../../builders/gke';

describe('GKE export readers', () => {
  it('reads gcloud clusters describe (one Cluster) with its ref from the selfLink', () => {
    const [s, ...rest] = readExport(standardCluster(), 'd.json') as GkeSnapshot[];
    expect(rest).toEqual([]);
    expect(s?.ref).toEqual({
      id: 'projects/acme-prod/locations/europe-west1/clusters/prod-standard',
      name: 'prod-standard',
      account: 'acme-prod',
      region: 'europe-west1',
    });
    expect(s?.source).toEqual({
      kind: 'export',
      file: 'd.json',
      format: 'gcloud-container-clusters-describe',
    });
    expect(s?.parts.iamPolicy).toEqual({
      state: 'not_collected',
      reason:
        'a gcloud clusters describe export does not contain iamPolicy (cloudresourcemanager:projects.getIamPolicy)',
    });
  });

  it('reads gcloud clusters list (an array) and the REST list ({"clusters": [...]})', () => {
    const list = [standardCluster(), autopilotCluster()];
    expect(readExport(list, 'l.json').map((s) => [s.ref.name, s.source])).toEqual([
      [
        'prod-standard',
        { kind: 'export', file: 'l.json', format: 'gcloud-container-clusters-list' },
      ],
      [
        'prod-autopilot',
        { kind: 'export', file: 'l.json', format: 'gcloud-container-clusters-list' },
      ],
    ]);
    const rest = readExport({ clusters: list, missingZones: [] }, 'r.json');
    expect(rest.map((s) => s.source)).toEqual([
      { kind: 'export', file: 'r.json', format: 'gke-rest-list-clusters' },
      { kind: 'export', file: 'r.json', format: 'gke-rest-list-clusters' },
    ]);
  });

  it('takes a zonal selfLink (the policy-library CAI data) as the location', () => {
    const [s] = readExport(caiCluster('gke_legacy_abac', 'joe-clust'), 'z.json');
    expect(s?.ref.id).toMatch(/^projects\/[^/]+\/locations\/us-[a-z]+\d-[a-z]\/clusters\//);
  });

  it('names the item and field of a wrong type', () => {
    const bad = standardCluster() as Record<string, unknown>;
    bad['resourceLabels'] = ['env=prod'];
    expect(() => readExport([standardCluster(), bad], 'b.json')).toThrow(
      /^b\.json: invalid gcloud-container-clusters-list input: item 2: resourceLabels/,
    );
  });

  it('round-trips through the snapshot file, filling parts an older file lacks', () => {
    const s = gkeSnapshot(standardCluster());
    const { disks: _dropped, ...parts } = s.parts;
    const file = JSON.parse(JSON.stringify(toSnapshotFile([{ ...s, parts } as GkeSnapshot])));
    const [read] = readExport(file, 'snap.json') as GkeSnapshot[];
    expect(read?.cluster).toEqual(s.cluster);
    expect(read?.parts.disks.state).toBe('not_collected');
  });
});
