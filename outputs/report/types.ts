import type { Finding } from '../../core/finding';
import type { EntryReport } from '../../core/mutelist-match';
import type { Provider } from '../../core/provider';
import type { ComplianceReport } from '../compliance/types';

/** Results per status. */
export interface StatusCounts {
  pass: number;
  fail: number;
  unknown: number;
  not_applicable: number;
}

/**
 * A framework as the report needs it (the shape of `checks/frameworks`' Framework, which the
 * caller passes in: outputs do not import the catalog).
 */
export interface ReportFramework {
  id: string;
  title: string;
  version: string;
  requirements: readonly {
    id: string;
    title: string;
    assessment: 'automated' | 'manual';
    note?: string;
  }[];
}

/** One earlier run for the trend chart. */
export interface RunHistoryEntry {
  /** `YYYY-MM-DD` (or an ISO time) of the run. */
  date: string;
  runId?: string;
  counts: StatusCounts;
}

export interface ReportInput {
  findings: readonly Finding[];
  /** When the report was made (shown in the header). */
  generatedAt: Date;
  run?: { runId: string; date: string };
  /** The frameworks for the requirement view (CIS EKS, GKE, AKS...). */
  frameworks: readonly ReportFramework[];
  /** Earlier runs, any order; the trend shows the last `historyLimit` of them plus this run. */
  history?: readonly RunHistoryEntry[];
  historyLimit?: number;
  /** The mutelist applied to the findings: the report lists its entries and their state. */
  exceptions?: ReportExceptions;
  /** The shared-responsibility matrix; without it the report has no such section. */
  responsibility?: ReportResponsibilityInput;
  /** Continuous compliance over recent history, per framework; shown when there is history. */
  compliance?: readonly ComplianceReport[];
}

/** What a mutelist did in this run (`applyMutelist`), for the report's exceptions section. */
export interface ReportExceptions {
  /** The UTC day the entries were judged against. */
  asOf: string;
  /** The file or S3 key it was read from. */
  source?: string;
  entries: readonly EntryReport[];
}

/** Who owns a family's setting on one cloud (the shape of `checks/responsibility`' rows). */
export interface ReportResponsibility {
  family: string;
  provider: Provider;
  owner: 'customer' | 'shared';
  providerDoes: string;
  customerConfigures: string;
  /** The provider's shared-responsibility page. */
  source: string;
}

/** What a provider runs for every cluster, and its shared-responsibility page. */
export interface ReportProviderModel {
  provider: Provider;
  service: string;
  url: string;
  runs: string;
}

/** The shared-responsibility matrix the report's section shows beside the results. */
export interface ReportResponsibilityInput {
  rows: readonly ReportResponsibility[];
  providers: readonly ReportProviderModel[];
}
