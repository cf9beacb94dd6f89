import type { Provider } from '../../core/provider';

/**
 * Which side of the shared-responsibility line a setting sits on:
 * - `customer`: the provider offers the setting; whether it is on is entirely the customer's.
 * - `shared`: the provider does part of the job by default (`provider` says what); the customer
 *   still has to configure the part the check reads (`customerConfigures`).
 */
export type Owner = 'customer' | 'shared';

export interface Responsibility {
  owner: Owner;
  /** What the provider runs or guarantees for this control (or that it only offers the setting). */
  providerDoes: string;
  /** What the customer must configure: what the checks of this family read. */
  customerConfigures: string;
}

/** A family's split, the same on every cloud unless a cloud differs. */
export interface FamilyResponsibility extends Responsibility {
  clouds?: Partial<Record<Provider, Partial<Responsibility>>>;
}

/** The provider's shared-responsibility statement for its managed Kubernetes service. */
export interface ProviderModel {
  provider: Provider;
  service: string;
  /** The provider's own page describing the split. */
  url: string;
  /** What the provider runs for every cluster, whatever the customer configures. */
  runs: string;
}

/** One resolved row of the matrix: a family on one cloud, with the provider's page. */
export interface ResponsibilityRow extends Responsibility {
  family: string;
  provider: Provider;
  /** The provider's shared-responsibility page. */
  source: string;
}
