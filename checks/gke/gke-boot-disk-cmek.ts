import type { GkeCheck } from '../../core/check';
import { ev, fail, pass } from '../../core/outcome';
import { evaluateNodes } from './shared/node-targets';

export const gkeBootDiskCmek: GkeCheck = {
  meta: {
    id: 'gke-boot-disk-cmek',
    provider: 'gke',
    title: 'GKE node boot disks are encrypted with a customer-managed key',
    severity: 'low',
    family: 'node-disk-encryption',
    categories: ['data-protection'],
    risk: 'Boot disks hold container images, logs and emptyDir data; with Google-managed keys the customer cannot revoke access or prove key control.',
    remediation: {
      summary:
        'Create node pools (and set the auto-provisioning / Autopilot defaults) with a Cloud KMS boot-disk key.',
      cli: 'gcloud container node-pools create <pool> --cluster <cluster> --boot-disk-kms-key projects/<p>/locations/<l>/keyRings/<r>/cryptoKeys/<k>',
      iac: 'Terraform google_container_node_pool: node_config { boot_disk_kms_key = "<key>" }; cluster_autoscaling { auto_provisioning_defaults { boot_disk_kms_key = "<key>" } }',
      url: 'https://cloud.google.com/kubernetes-engine/docs/how-to/using-cmek',
    },
    frameworks: { 'cis-gke-1.9.0': ['5.9.2'] },
    reads: ['container:projects.locations.clusters.get'],
  },
  evaluate(snapshot) {
    const judge = (label: string, path: string, key: string | undefined) => {
      const evidence = [ev(path, key)];
      // Proto3 JSON omits an empty key name: absent means Google-managed encryption.
      return key
        ? { ok: true, msg: `${label} encrypts boot disks with ${key}.`, evidence }
        : {
            ok: false,
            msg: `${label} uses Google-managed boot-disk encryption (no bootDiskKmsKey).`,
            evidence,
          };
    };
    return evaluateNodes(snapshot, {
      setting: 'boot-disk encryption',
      googleManagedOnAutopilot: false,
      pool(t, c) {
        const r = judge(t.label, `${t.path}.config.bootDiskKmsKey`, c.bootDiskKmsKey);
        return r.ok ? pass(r.msg, r.evidence, t.subject) : fail(r.msg, r.evidence, t.subject);
      },
      nap(t) {
        const r = judge(t.label, `${t.path}.bootDiskKmsKey`, t.defaults.bootDiskKmsKey);
        return r.ok ? pass(r.msg, r.evidence, t.subject) : fail(r.msg, r.evidence, t.subject);
      },
    });
  },
};
