import type { EksCheck, Evidence } from '../../core/check';
import { ev, fail, notApplicable, pass, readPart, unknown } from '../../core/outcome';
import { asList, policyStatements } from './lib/policy-document';

const REPOS = 'parts.ecrRepositories.value';
const POLICIES = 'parts.ecrRepositoryPolicies.value';

/** True when a principal element names everyone. */
function isEveryone(principal: unknown): boolean {
  if (principal === '*') return true;
  if (typeof principal !== 'object' || principal === null) return false;
  return asList((principal as Record<string, unknown>)['AWS']).includes('*');
}

export const eksEcrAccess: EksCheck = {
  meta: {
    id: 'eks-ecr-access',
    provider: 'eks',
    title: 'ECR repositories are not open to everyone and keep image tags immutable',
    severity: 'medium',
    family: 'registry-access',
    categories: ['supply-chain'],
    risk: 'A repository policy open to any principal lets anyone pull (or push) images; mutable tags let whoever can push replace the image a deployment trusts.',
    remediation: {
      summary:
        'Restrict repository policies to named accounts and roles and set image tag mutability to IMMUTABLE.',
      cli: 'aws ecr put-image-tag-mutability --repository-name <repo> --image-tag-mutability IMMUTABLE; aws ecr set-repository-policy --repository-name <repo> --policy-text file://policy.json',
      iac: 'CDK: new ecr.Repository(this, "R", { imageTagMutability: ecr.TagMutability.IMMUTABLE }); Terraform aws_ecr_repository: image_tag_mutability = "IMMUTABLE"',
      url: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-policies.html',
    },
    frameworks: { 'cis-eks-1.8.0': ['5.1.2'] },
    reads: ['ecr:DescribeRepositories', 'ecr:GetRepositoryPolicy'],
  },
  evaluate({ ref, parts }) {
    const repos = readPart(
      parts.ecrRepositories,
      `ECR repositories of ${ref.account} in ${ref.region}`,
      REPOS,
    );
    if (!repos.ok) return repos.outcome;
    if (repos.value.length === 0) {
      return notApplicable(`ECR in ${ref.region} has no repositories.`, [ev(REPOS, repos.value)]);
    }
    const policies = parts.ecrRepositoryPolicies;
    const problems: string[] = [];
    const gaps: string[] = [];
    const evidence: Evidence[] = [];
    repos.value.forEach((repo, i) => {
      const name = repo.repositoryName ?? `#${i}`;
      if (repo.imageTagMutability === 'MUTABLE') {
        problems.push(`${name} has mutable tags`);
        evidence.push(ev(`${REPOS}[${i}].imageTagMutability`, repo.imageTagMutability));
      }
      if (policies.state !== 'collected') return;
      const index = policies.value.findIndex((p) => p.repositoryName === name);
      const policy = policies.value[index];
      if (!policy) {
        gaps.push(`the policy of ${name} was not read`);
        return;
      }
      if (policy.policyText === undefined) return; // RepositoryPolicyNotFoundException: no policy.
      const statements = policyStatements(policy.policyText);
      if ('error' in statements) {
        gaps.push(`${name}: ${statements.error}`);
        return;
      }
      if (
        statements.some(
          (s) => s.Effect === 'Allow' && isEveryone(s.Principal) && s.Condition === undefined,
        )
      ) {
        problems.push(`${name}'s policy allows any principal ("*") without a condition`);
        evidence.push(ev(`${POLICIES}[${index}].policyText`, policy.policyText));
      }
    });
    if (problems.length > 0) return fail(`ECR in ${ref.region}: ${problems.join('; ')}.`, evidence);
    if (policies.state !== 'collected')
      gaps.unshift(
        `repository policies were not read (${policies.state === 'failed' ? 'ecr:GetRepositoryPolicy failed' : 'not collected'})`,
      );
    const mutability = ev(
      `${REPOS}[].imageTagMutability`,
      repos.value.map((r) => r.imageTagMutability),
    );
    if (gaps.length > 0)
      return unknown(`ECR in ${ref.region}: tags are immutable, but ${gaps.join('; ')}.`, [
        mutability,
      ]);
    return pass(
      `ECR in ${ref.region}: all ${repos.value.length} repositories keep tags immutable and none is open to everyone.`,
      [mutability],
    );
  },
};
