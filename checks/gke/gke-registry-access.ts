import type { GkeCheck } from '../../core/check';
import { ev, fail, pass, readPart, unknown } from '../../core/outcome';
import { serviceAccountEmail } from './shared/default-sa';
import { membersByRole, PUBLIC_MEMBERS } from './shared/iam';
import { nodeServiceAccounts } from './shared/node-accounts';

/** Project roles that can push or delete images in Container Registry buckets or Artifact Registry. */
const REGISTRY_WRITE_ROLES = [
  'roles/storage.admin',
  'roles/storage.objectAdmin',
  'roles/storage.objectCreator',
  'roles/storage.legacyBucketOwner',
  'roles/storage.legacyBucketWriter',
  'roles/artifactregistry.admin',
  'roles/artifactregistry.repoAdmin',
  'roles/artifactregistry.writer',
  'roles/artifactregistry.createOnPushWriter',
  'roles/artifactregistry.createOnPushRepoAdmin',
];

export const gkeRegistryAccess: GkeCheck = {
  meta: {
    id: 'gke-registry-access',
    provider: 'gke',
    title: 'Image registry write access is limited: no public writers, nodes read-only',
    severity: 'medium',
    family: 'registry-access',
    categories: ['supply-chain', 'iam'],
    risk: "Whoever can write to the project's registries can replace the images the cluster runs; nodes with write access let one compromised node poison every workload.",
    remediation: {
      summary:
        'Remove registry write roles from public principals and from node service accounts (nodes need roles/artifactregistry.reader only); grant writers per repository.',
      cli: 'gcloud projects remove-iam-policy-binding <project> --member <member> --role <role>',
      iac: 'Terraform google_artifact_registry_repository_iam_member: role = "roles/artifactregistry.writer" for the CI identity only',
      url: 'https://cloud.google.com/artifact-registry/docs/access-control',
    },
    frameworks: { 'cis-gke-1.9.0': ['5.1.2', '5.1.3'] },
    reads: ['cloudresourcemanager:projects.getIamPolicy', 'cloudresourcemanager:projects.get'],
  },
  evaluate(snapshot) {
    const { ref, parts } = snapshot;
    const policy = readPart(parts.iamPolicy, 'The project IAM policy', 'parts.iamPolicy');
    if (!policy.ok) return policy.outcome;
    const byRole = membersByRole(policy.value);
    const evidence = REGISTRY_WRITE_ROLES.filter((r) => byRole.has(r)).map((r) =>
      ev(`parts.iamPolicy.value.bindings[role=${r}].members`, byRole.get(r)),
    );
    const writers = new Map<string, string[]>();
    for (const r of REGISTRY_WRITE_ROLES)
      for (const m of byRole.get(r) ?? []) writers.set(m, [...(writers.get(m) ?? []), r]);
    const projectNumber =
      parts.project.state === 'collected' ? parts.project.value.projectNumber : undefined;
    const nodeMembers = nodeServiceAccounts(snapshot).map((sa) =>
      serviceAccountEmail(sa, projectNumber),
    );
    const problems: string[] = [];
    for (const [m, roles] of writers) {
      if (PUBLIC_MEMBERS.has(m)) problems.push(`public principal ${m} (${roles.join(', ')})`);
      if (nodeMembers.some((e) => e && m === `serviceAccount:${e}`))
        problems.push(`node service account ${m} (${roles.join(', ')})`);
    }
    if (problems.length > 0) {
      return fail(
        `Project ${ref.account} (cluster ${ref.name}) gives registry write access to ${problems.join('; ')}.`,
        evidence,
      );
    }
    if (nodeMembers.includes(undefined)) {
      return unknown(
        `Cluster ${ref.name}: the default compute service account's email needs the project number, which was not read (cloudresourcemanager projects.get).`,
        [...evidence, ev('parts.project', parts.project.state)],
      );
    }
    return pass(
      `Project ${ref.account} (cluster ${ref.name}): ${writers.size} principal(s) can write images, none public and no node service account.`,
      evidence,
    );
  },
};
