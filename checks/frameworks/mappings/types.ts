/** The frameworks mapped through control themes (the CIS benchmarks are cited by each check). */
export const MAPPED_FRAMEWORKS = [
  'pci-dss-4.0.1',
  'soc2-2017',
  'hipaa-security-rule',
  'iso-27001-2022',
  'nist-800-53-r5',
] as const;
export type MappedFrameworkId = (typeof MAPPED_FRAMEWORKS)[number];

/** One requirement a control theme gives evidence for, and why. */
export interface RequirementRef {
  requirement: string;
  /** One line: why a passing check is evidence for this requirement. */
  rationale: string;
}

/**
 * A security objective that several check families serve (e.g. "the control plane is not exposed
 * to untrusted networks"), with the requirements of each framework it gives evidence for. Families
 * map to themes so that the same control is mapped the same way on every cloud.
 */
export interface ControlTheme {
  id: string;
  summary: string;
  requirements: Readonly<Partial<Record<MappedFrameworkId, readonly RequirementRef[]>>>;
}

/** How our mapping compares with a published one for the same control. */
export interface PublicMappingComparison {
  /** Who published it and for which of their checks: `Prowler pci_4.0_aws (eks_cluster_not_publicly_accessible)`. */
  source: string;
  framework: MappedFrameworkId;
  /** Their requirement ids, normalized to the framework's own spelling. */
  theirs: readonly string[];
  /** Ids of theirs we also map. */
  agreed: readonly string[];
  /** Ids of theirs we do not map, each with the reason. */
  disagreed: readonly { requirement: string; reason: string }[];
}

/** One resolved mapping of a check: framework, requirement, title and rationale. */
export interface ComplianceMapping {
  framework: MappedFrameworkId;
  requirement: string;
  title: string;
  rationale: string;
  /** The theme it came through. */
  theme: string;
}
