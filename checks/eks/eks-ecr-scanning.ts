import type { EksCheck, Evidence } from '../../core/check';
import { ev, fail, notApplicable, pass, readPart } from '../../core/outcome';

const CONFIG = 'parts.ecrScanningConfiguration.value.scanningConfiguration';
const REPOS = 'parts.ecrRepositories.value';
const SCANNING = new Set(['SCAN_ON_PUSH', 'CONTINUOUS_SCAN']);

/** ECR wildcard filters: `*` matches any run of characters. */
function matches(filter: string, name: string): boolean {
  const pattern = filter
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${pattern}$`).test(name);
}

export const eksEcrScanning: EksCheck = {
  meta: {
    id: 'eks-ecr-scanning',
    provider: 'eks',
    title: 'ECR scans every repository in the cluster region for vulnerabilities',
    severity: 'medium',
    family: 'image-scanning',
    categories: ['supply-chain'],
    risk: 'Images pushed without a vulnerability scan reach the cluster with known CVEs unnoticed.',
    remediation: {
      summary:
        'Configure registry scanning (enhanced with Amazon Inspector, or basic scan on push) with a rule whose filter covers every repository (`*`).',
      cli: 'aws ecr put-registry-scanning-configuration --scan-type ENHANCED --rules \'[{"scanFrequency":"CONTINUOUS_SCAN","repositoryFilters":[{"filter":"*","filterType":"WILDCARD"}]}]\'',
      iac: 'CDK (L1): ecr.CfnRegistryScanningConfiguration { scanType: "ENHANCED", rules: [{ scanFrequency: "CONTINUOUS_SCAN", repositoryFilters: [{ filter: "*", filterType: "WILDCARD" }] }] }; Terraform aws_ecr_registry_scanning_configuration',
      url: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html',
    },
    frameworks: { 'cis-eks-1.8.0': ['5.1.1'] },
    reads: ['ecr:GetRegistryScanningConfiguration', 'ecr:DescribeRepositories'],
  },
  evaluate({ ref, parts }) {
    const config = readPart(
      parts.ecrScanningConfiguration,
      `ECR scanning configuration of ${ref.account} in ${ref.region}`,
      CONFIG,
    );
    if (!config.ok) return config.outcome;
    const scanning = config.value.scanningConfiguration;
    const rules = (scanning?.rules ?? []).filter((r) => SCANNING.has(r.scanFrequency ?? ''));
    const filters = rules.flatMap((r) => (r.repositoryFilters ?? []).map((f) => f.filter ?? ''));
    const evidence: Evidence[] = [
      ev(`${CONFIG}.scanType`, scanning?.scanType),
      ev(`${CONFIG}.rules`, scanning?.rules),
    ];
    if (filters.includes('*')) {
      return pass(
        `ECR in ${ref.region} scans every repository (${scanning?.scanType} scanning, rule filter "*").`,
        evidence,
      );
    }
    const repos = readPart(
      parts.ecrRepositories,
      `ECR repositories of ${ref.account} in ${ref.region}`,
      REPOS,
    );
    if (!repos.ok) return { ...repos.outcome, evidence: [...evidence, ...repos.outcome.evidence] };
    if (repos.value.length === 0) {
      return notApplicable(
        `ECR in ${ref.region} has no repositories, and its scanning rules do not cover all future ones.`,
        evidence,
      );
    }
    const unscanned = repos.value.filter(
      (repo) =>
        !filters.some((f) => matches(f, repo.repositoryName ?? '')) &&
        repo.imageScanningConfiguration?.scanOnPush !== true,
    );
    evidence.push(
      ev(
        `${REPOS}[].repositoryName`,
        unscanned.map((r) => r.repositoryName),
      ),
    );
    return unscanned.length > 0
      ? fail(
          `ECR in ${ref.region} does not scan ${unscanned.length} repositories: ${unscanned.map((r) => r.repositoryName).join(', ')}.`,
          evidence,
        )
      : pass(
          `ECR in ${ref.region} scans each of its ${repos.value.length} repositories.`,
          evidence,
        );
  },
};
