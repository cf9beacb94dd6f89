import type { GkeCheck } from '../../core/check';
import { ev, fail, pass, readPart } from '../../core/outcome';
import { memberDomain, membersByRole, PUBLIC_MEMBERS } from './shared/iam';

/** Project roles that give full control of every cluster in the project (and its Kubernetes API). */
const ADMIN_ROLES = ['roles/owner', 'roles/container.admin', 'roles/container.clusterAdmin'];

export const gkeIamClusterAdminBindings: GkeCheck = {
  meta: {
    id: 'gke-iam-cluster-admin-bindings',
    provider: 'gke',
    title: 'Cluster-admin-level project roles are held by few, internal principals',
    severity: 'high',
    family: 'cluster-admin-access',
    categories: ['iam'],
    risk: 'roles/owner and roles/container.admin grant full control of every cluster in the project, including the Kubernetes API: a public or external grant is a cluster takeover.',
    remediation: {
      summary:
        'Remove public and external principals from Owner / Kubernetes Engine Admin / Cluster Admin and keep the list short; grant narrower roles (container.developer, container.viewer) or in-cluster RBAC instead.',
      cli: 'gcloud projects remove-iam-policy-binding <project> --member <member> --role roles/container.admin',
      iac: 'Terraform google_project_iam_binding / google_project_iam_member for roles/container.admin: only the administrators group',
      url: 'https://cloud.google.com/kubernetes-engine/docs/how-to/iam',
    },
    frameworks: { 'cis-gke-1.9.0': ['4.1.1'] },
    reads: ['cloudresourcemanager:projects.getIamPolicy'],
  },
  evaluate({ ref, parts }, { config }) {
    const policy = readPart(parts.iamPolicy, 'The project IAM policy', 'parts.iamPolicy');
    if (!policy.ok) return policy.outcome;
    const byRole = membersByRole(policy.value);
    const evidence = ADMIN_ROLES.map((r) =>
      ev(`parts.iamPolicy.value.bindings[role=${r}].members`, byRole.get(r)),
    );
    const members = [...new Set(ADMIN_ROLES.flatMap((r) => byRole.get(r) ?? []))];
    const trusted = config.gke.trustedDomains.map((d) => d.toLowerCase());
    const problems: string[] = [];
    const pub = members.filter((m) => PUBLIC_MEMBERS.has(m));
    if (pub.length > 0) problems.push(`public principal(s) ${pub.join(', ')}`);
    if (trusted.length > 0) {
      const external = members.filter((m) => {
        const d = memberDomain(m)?.toLowerCase();
        return d !== undefined && !trusted.includes(d);
      });
      if (external.length > 0)
        problems.push(`principal(s) outside ${trusted.join(', ')}: ${external.join(', ')}`);
    }
    if (members.length > config.gke.maxClusterAdminPrincipals) {
      problems.push(
        `${members.length} principals (more than ${config.gke.maxClusterAdminPrincipals})`,
      );
    }
    if (problems.length > 0) {
      return fail(
        `Project ${ref.account} (cluster ${ref.name}) grants cluster-admin-level roles to ${problems.join('; ')}.`,
        evidence,
      );
    }
    return pass(
      `Project ${ref.account} (cluster ${ref.name}) grants cluster-admin-level roles to ${members.length} principal(s), none public${trusted.length > 0 ? ' or external' : ''}.`,
      evidence,
    );
  },
};
