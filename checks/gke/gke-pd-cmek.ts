import type { GkeCheck } from '../../core/check';
import { ev, fail, notApplicable, pass, readPart, unknown } from '../../core/outcome';

/** The description Kubernetes provisioners (in-tree and PD CSI) write on a disk made for a PV. */
const PV_MARKER = 'kubernetes.io/created-for/pv/name';

export const gkePdCmek: GkeCheck = {
  meta: {
    id: 'gke-pd-cmek',
    provider: 'gke',
    title: 'GKE dynamically provisioned persistent disks use a customer-managed key',
    severity: 'low',
    family: 'volume-encryption',
    categories: ['data-protection'],
    risk: 'Persistent volumes hold application data; with Google-managed keys the customer cannot revoke access to it or prove key control.',
    remediation: {
      summary:
        'Use a StorageClass with the disk-encryption-kms-key parameter for the PD CSI driver and migrate existing volumes.',
      cli: 'kubectl apply -f storageclass.yaml (provisioner: pd.csi.storage.gke.io, parameters: disk-encryption-kms-key: projects/<p>/locations/<l>/keyRings/<r>/cryptoKeys/<k>)',
      iac: 'Terraform kubernetes_storage_class: parameters = { "disk-encryption-kms-key" = "<key>" }',
      url: 'https://cloud.google.com/kubernetes-engine/docs/how-to/using-cmek#dynamically-provisioned',
    },
    frameworks: { 'cis-gke-1.9.0': ['5.9.1'] },
    reads: ['compute:disks.aggregatedList'],
  },
  evaluate({ ref, parts }) {
    const disks = readPart(parts.disks, "The cluster's persistent disks", 'parts.disks');
    if (!disks.ok) return disks.outcome;
    const volumes = disks.value.filter((d) => (d.description ?? '').includes(PV_MARKER));
    const plain = volumes.filter((d) => !d.diskEncryptionKey?.kmsKeyName);
    const evidence = volumes.map((d) =>
      ev(
        `parts.disks.value[name=${d.name ?? '?'}].diskEncryptionKey.kmsKeyName`,
        d.diskEncryptionKey?.kmsKeyName,
      ),
    );
    if (plain.length > 0) {
      return fail(
        `Cluster ${ref.name} has ${plain.length} persistent volume disk(s) with Google-managed encryption: ${plain.map((d) => d.name).join(', ')}.`,
        evidence,
      );
    }
    if (disks.incomplete) return unknown(`${disks.incomplete}.`, evidence);
    if (volumes.length === 0) {
      return notApplicable(
        `Cluster ${ref.name} has no dynamically provisioned persistent disk that the API links to it (by its GKE labels or by attachment to its nodes).`,
        [ev('parts.disks.value.length', disks.value.length)],
      );
    }
    return pass(
      `Cluster ${ref.name}: all ${volumes.length} persistent volume disk(s) use a Cloud KMS key.`,
      evidence,
    );
  },
};
