import { describe, expect, it } from 'vitest';
import { gkePdCmek as check } from '../../../../checks/gke/gke-pd-cmek';
import type { ComputeDisk } from '../../../../core/snapshot-gke';
import { deniedPart, evaluateOne, gkeSnapshot, part, standardCluster } from '../../../builders/gke';

const pv = (name: string, key?: string): ComputeDisk => ({
  name,
  description:
    '{"kubernetes.io/created-for/pv/name":"' +
    name +
    '","kubernetes.io/created-for/pvc/name":"data","kubernetes.io/created-for/pvc/namespace":"default","storage.gke.io/created-by":"pd.csi.storage.gke.io"}',
  labels: { 'goog-k8s-cluster-name': 'prod-standard' },
  ...(key ? { diskEncryptionKey: { kmsKeyName: key } } : {}),
});
const boot: ComputeDisk = {
  name: 'gke-prod-standard-system-1a2b-x1y2',
  labels: { 'goog-k8s-cluster-name': 'prod-standard' },
};
const disks = (...d: ComputeDisk[]) => ({ disks: part(d, 'compute:disks.aggregatedList') });

describe('gke-pd-cmek', () => {
  it('passes when every PV disk has a KMS key (boot disks are not PVs)', () => {
    expect(
      evaluateOne(
        check,
        gkeSnapshot(
          standardCluster(),
          disks(boot, pv('pvc-1', 'projects/k/locations/l/keyRings/r/cryptoKeys/pd')),
        ),
      ).status,
    ).toBe('pass');
  });

  it('fails a PV disk with Google-managed encryption', () => {
    const r = evaluateOne(check, gkeSnapshot(standardCluster(), disks(pv('pvc-2'))));
    expect(r.status).toBe('fail');
    expect(r.message).toContain('pvc-2');
  });

  it('is not applicable without PV disks, and unknown when the list was denied', () => {
    expect(evaluateOne(check, gkeSnapshot(standardCluster(), disks(boot))).status).toBe(
      'not_applicable',
    );
    expect(
      evaluateOne(
        check,
        gkeSnapshot(standardCluster(), { disks: deniedPart('compute:disks.aggregatedList') }),
      ).status,
    ).toBe('unknown');
  });
});
