import type { GkeCheck } from '../../core/check';
import { ev, fail, pass, readPart, unknown } from '../../core/outcome';
import { serviceAccountEmail } from './shared/default-sa';
import { isBroadRole, rolesOf } from './shared/iam';
import { nodeServiceAccounts } from './shared/node-accounts';

export const gkeNodeSaRoles: GkeCheck = {
  meta: {
    id: 'gke-node-sa-roles',
    provider: 'gke',
    title: 'GKE node service accounts hold no broad project roles',
    severity: 'high',
    family: 'node-iam-privileges',
    categories: ['iam'],
    risk: 'Every Pod that can reach the metadata server can use the node service account: a broad role (Owner, Editor, *Admin) turns a container escape into a project takeover.',
    remediation: {
      summary:
        'Grant node service accounts only roles/container.defaultNodeServiceAccount (or logging.logWriter, monitoring.metricWriter, monitoring.viewer, artifactregistry.reader) and remove broad roles.',
      cli: 'gcloud projects remove-iam-policy-binding <project> --member serviceAccount:<sa> --role <role>',
      iac: 'Terraform google_project_iam_member: role = "roles/container.defaultNodeServiceAccount" for the node service account, and no broader binding',
      url: 'https://cloud.google.com/kubernetes-engine/docs/how-to/service-accounts#default-gke-service-agent',
    },
    frameworks: { 'cis-gke-1.9.0': ['5.2.1'] },
    reads: [
      'cloudresourcemanager:projects.getIamPolicy',
      'cloudresourcemanager:projects.get',
      'container:projects.locations.clusters.get',
    ],
  },
  evaluate(snapshot) {
    const { ref, parts } = snapshot;
    const policy = readPart(parts.iamPolicy, 'The project IAM policy', 'parts.iamPolicy');
    if (!policy.ok) return policy.outcome;
    const projectNumber =
      parts.project.state === 'collected' ? parts.project.value.projectNumber : undefined;
    const broad: string[] = [];
    const unresolved: string[] = [];
    const evidence = [];
    for (const sa of nodeServiceAccounts(snapshot)) {
      const email = serviceAccountEmail(sa, projectNumber);
      if (!email) {
        unresolved.push(sa);
        continue;
      }
      const roles = rolesOf(policy.value, `serviceAccount:${email}`);
      evidence.push(
        ev(`parts.iamPolicy.value.bindings[member=serviceAccount:${email}].role`, roles),
      );
      const bad = roles.filter(isBroadRole);
      if (bad.length > 0) broad.push(`${email} (${bad.join(', ')})`);
    }
    if (broad.length > 0) {
      return fail(
        `Cluster ${ref.name}: node service account(s) with broad project roles: ${broad.join('; ')}.`,
        evidence,
      );
    }
    if (unresolved.length > 0 || policy.incomplete) {
      return unknown(
        policy.incomplete ??
          `Cluster ${ref.name}: the default compute service account's email needs the project number, which was not read (cloudresourcemanager projects.get).`,
        [...evidence, ev('parts.project', parts.project.state)],
      );
    }
    if (evidence.length === 0) {
      return pass(`Cluster ${ref.name} has no node service account to judge.`, evidence);
    }
    return pass(
      `Cluster ${ref.name}: no node service account holds Owner, Editor or an admin role in the project.`,
      evidence,
    );
  },
};
