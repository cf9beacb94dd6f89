import type { GkeCheck } from '../../core/check';
import { ev, fail, pass } from '../../core/outcome';
import { evaluateNodes } from './shared/node-targets';

export const gkeKubeletReadonlyPort: GkeCheck = {
  meta: {
    id: 'gke-kubelet-readonly-port',
    provider: 'gke',
    title: 'GKE nodes have the insecure kubelet read-only port (10255) disabled',
    severity: 'medium',
    family: 'kubelet-readonly-port',
    categories: ['control-plane', 'network'],
    risk: 'The kubelet read-only port serves Pod specs, environment and node details without authentication to anything that can reach the node.',
    remediation: {
      summary:
        'Disable the insecure kubelet read-only port for the cluster defaults, every node pool and Autopilot.',
      cli: 'gcloud container clusters update <cluster> --location <location> --no-enable-insecure-kubelet-readonly-port (per pool: gcloud container node-pools update <pool> --cluster <cluster> --no-enable-insecure-kubelet-readonly-port)',
      iac: 'Terraform google_container_cluster: node_pool_defaults { node_config_defaults { insecure_kubelet_readonly_port_enabled = "FALSE" } }; google_container_node_pool: node_config { kubelet_config { insecure_kubelet_readonly_port_enabled = "FALSE" } }',
      url: 'https://cloud.google.com/kubernetes-engine/docs/how-to/disable-kubelet-readonly-port',
    },
    frameworks: {},
    reads: ['container:projects.locations.clusters.get'],
  },
  evaluate(snapshot) {
    const { cluster } = snapshot;
    const defPath =
      'cluster.nodePoolDefaults.nodeConfigDefaults.nodeKubeletConfig.insecureKubeletReadonlyPortEnabled';
    const autoPath =
      'cluster.nodePoolAutoConfig.nodeKubeletConfig.insecureKubeletReadonlyPortEnabled';
    const clusterDefault =
      cluster.nodePoolDefaults?.nodeConfigDefaults?.nodeKubeletConfig
        ?.insecureKubeletReadonlyPortEnabled;
    const autoDefault =
      cluster.nodePoolAutoConfig?.nodeKubeletConfig?.insecureKubeletReadonlyPortEnabled;
    // `insecureKubeletReadonlyPortEnabled` is an optional bool: absent means "not set", and the
    // kubelet default then keeps port 10255 open on the versions that predate the new default, so
    // only an explicit false passes (CIS asks for --read-only-port=0 to be set).
    const judge = (label: string, value: boolean | undefined, evidence: ReturnType<typeof ev>[]) =>
      value === false
        ? { ok: true, msg: `${label} has the kubelet read-only port disabled.`, evidence }
        : {
            ok: false,
            msg:
              value === true
                ? `${label} has the insecure kubelet read-only port enabled.`
                : `${label} does not disable the kubelet read-only port (not set at pool or cluster level).`,
            evidence,
          };
    return evaluateNodes(snapshot, {
      setting: 'the kubelet read-only port',
      googleManagedOnAutopilot: false,
      pool(t, c) {
        const own = c.kubeletConfig?.insecureKubeletReadonlyPortEnabled;
        const r = judge(t.label, own ?? clusterDefault, [
          ev(`${t.path}.config.kubeletConfig.insecureKubeletReadonlyPortEnabled`, own),
          ev(defPath, clusterDefault),
        ]);
        return r.ok ? pass(r.msg, r.evidence, t.subject) : fail(r.msg, r.evidence, t.subject);
      },
      nap(t) {
        // Auto-provisioned (and Autopilot) pools take nodePoolAutoConfig, then the NAP default.
        const own = t.defaults.insecureKubeletReadonlyPortEnabled;
        const r = judge(t.label, autoDefault ?? own, [
          ev(autoPath, autoDefault),
          ev(`${t.path}.insecureKubeletReadonlyPortEnabled`, own),
        ]);
        return r.ok ? pass(r.msg, r.evidence, t.subject) : fail(r.msg, r.evidence, t.subject);
      },
    });
  },
};
