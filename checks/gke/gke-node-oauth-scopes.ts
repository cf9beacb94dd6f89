import type { GkeCheck } from '../../core/check';
import { ev, fail, pass } from '../../core/outcome';
import { effectiveServiceAccount, isDefaultComputeSa } from './shared/default-sa';
import { evaluateNodes } from './shared/node-targets';

const FULL_SCOPES = new Set([
  'https://www.googleapis.com/auth/cloud-platform',
  'https://www.googleapis.com/auth/compute',
]);

export const gkeNodeOauthScopes: GkeCheck = {
  meta: {
    id: 'gke-node-oauth-scopes',
    provider: 'gke',
    title: 'GKE nodes do not combine full access scopes with the default service account',
    severity: 'medium',
    family: 'node-access-scopes',
    categories: ['iam'],
    risk: 'The cloud-platform (or compute read-write) scope with the Editor-holding default service account gives every Pod on the node project-wide write access through the metadata server.',
    remediation: {
      summary:
        'Use a least-privilege node service account (then cloud-platform scope is fine, IAM limits it) or restrict the scopes of default-service-account pools.',
      cli: 'gcloud container node-pools create <pool> --cluster <cluster> --service-account <sa> --scopes cloud-platform',
      iac: 'Terraform google_container_node_pool: node_config { service_account = "<sa>" oauth_scopes = ["https://www.googleapis.com/auth/cloud-platform"] }',
      url: 'https://cloud.google.com/compute/docs/access/service-accounts#accesscopesiam',
    },
    frameworks: { 'cis-gke-1.9.0': ['5.2.1'] },
    reads: ['container:projects.locations.clusters.get'],
  },
  evaluate(snapshot) {
    const judge = (
      label: string,
      path: string,
      sa: string | undefined,
      scopes: string[] | undefined,
    ) => {
      const account = effectiveServiceAccount(sa);
      const full = (scopes ?? []).filter((s) => FULL_SCOPES.has(s));
      const evidence = [ev(`${path}.serviceAccount`, sa), ev(`${path}.oauthScopes`, scopes)];
      const bad = full.length > 0 && isDefaultComputeSa(account);
      return {
        bad,
        evidence,
        msg: bad
          ? `${label} gives the default compute service account the full scope(s) ${full.join(', ')}.`
          : full.length > 0
            ? `${label} uses scope(s) ${full.join(', ')} with the dedicated service account ${account}, whose IAM roles bound the access.`
            : `${label} uses restricted OAuth scopes.`,
      };
    };
    return evaluateNodes(snapshot, {
      setting: 'node OAuth scopes',
      googleManagedOnAutopilot: false,
      pool(t, c) {
        const r = judge(t.label, `${t.path}.config`, c.serviceAccount, c.oauthScopes);
        return r.bad ? fail(r.msg, r.evidence, t.subject) : pass(r.msg, r.evidence, t.subject);
      },
      nap(t) {
        const r = judge(t.label, t.path, t.defaults.serviceAccount, t.defaults.oauthScopes);
        return r.bad ? fail(r.msg, r.evidence, t.subject) : pass(r.msg, r.evidence, t.subject);
      },
    });
  },
};
