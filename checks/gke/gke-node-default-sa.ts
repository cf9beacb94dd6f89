import type { GkeCheck } from '../../core/check';
import { ev, fail, pass } from '../../core/outcome';
import { effectiveServiceAccount, isDefaultComputeSa } from './shared/default-sa';
import { evaluateNodes } from './shared/node-targets';

export const gkeNodeDefaultSa: GkeCheck = {
  meta: {
    id: 'gke-node-default-sa',
    provider: 'gke',
    title: 'GKE nodes do not run as the Compute Engine default service account',
    severity: 'high',
    family: 'node-service-account',
    categories: ['iam'],
    risk: 'The Compute Engine default service account usually holds the Editor role on the project: any Pod that reaches the node metadata server can act as a project editor.',
    remediation: {
      summary:
        'Create a minimally privileged service account (roles/container.defaultNodeServiceAccount) and use it for every node pool and for node auto-provisioning / Autopilot.',
      cli: 'gcloud container node-pools create <pool> --cluster <cluster> --service-account <sa>@<project>.iam.gserviceaccount.com (Autopilot / NAP: gcloud container clusters update <cluster> --autoprovisioning-service-account <sa>)',
      iac: 'Terraform google_container_node_pool: node_config { service_account = "<sa>" }; google_container_cluster: cluster_autoscaling { auto_provisioning_defaults { service_account = "<sa>" } }',
      url: 'https://cloud.google.com/kubernetes-engine/docs/how-to/hardening-your-cluster#use_least_privilege_sa',
    },
    frameworks: { 'cis-gke-1.9.0': ['5.2.1'] },
    reads: ['container:projects.locations.clusters.get'],
  },
  evaluate(snapshot) {
    const judge = (label: string, path: string, value: string | undefined) => {
      const sa = effectiveServiceAccount(value);
      const evidence = [ev(path, value)];
      // An empty (omitted) serviceAccount means the default compute service account.
      return isDefaultComputeSa(sa)
        ? {
            ok: false,
            msg: `${label} runs as the Compute Engine default service account (${sa}).`,
            evidence,
          }
        : { ok: true, msg: `${label} runs as ${sa}.`, evidence };
    };
    // Autopilot still lets the customer pick the node service account, so it is judged too.
    return evaluateNodes(snapshot, {
      setting: 'the node service account',
      googleManagedOnAutopilot: false,
      pool(t, config) {
        const r = judge(t.label, `${t.path}.config.serviceAccount`, config.serviceAccount);
        return r.ok ? pass(r.msg, r.evidence, t.subject) : fail(r.msg, r.evidence, t.subject);
      },
      nap(t) {
        const r = judge(t.label, `${t.path}.serviceAccount`, t.defaults.serviceAccount);
        return r.ok ? pass(r.msg, r.evidence, t.subject) : fail(r.msg, r.evidence, t.subject);
      },
    });
  },
};
