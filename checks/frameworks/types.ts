/** A requirement of a framework (a CIS recommendation, a PCI DSS requirement...). */
export interface Requirement {
  id: string;
  title: string;
  /**
   * `automated`: decided from cloud API data by the checks that cite it.
   * `manual`: needs a person or in-cluster access; listed so the framework view is complete.
   */
  assessment: 'automated' | 'manual';
  /** Why it is manual-only, when it is. */
  note?: string;
}

export interface Framework {
  /** Used in check metadata and on the CLI: `cis-eks-1.8.0`. */
  id: string;
  title: string;
  version: string;
  requirements: readonly Requirement[];
}
