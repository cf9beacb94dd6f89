import * as z from 'zod';
import type { AuditConfig } from './config';
import { Provider } from './provider';
import { Severity } from './severity';
import type { ClusterSnapshot } from './snapshot';
import type { AksSnapshot } from './snapshot-aks';
import type { EksSnapshot } from './snapshot-eks';
import type { GkeSnapshot } from './snapshot-gke';

export const Status = z.enum(['pass', 'fail', 'not_applicable', 'unknown']);
export type Status = z.infer<typeof Status>;

export const Category = z.enum([
  'control-plane',
  'iam',
  'network',
  'data-protection',
  'logging',
  'lifecycle',
  'supply-chain',
]);
export type Category = z.infer<typeof Category>;

/** One API field that decided a result: its path in the snapshot and its value there. */
export const Evidence = z.object({
  /** Dotted path from the snapshot root, e.g. `cluster.resourcesVpcConfig.publicAccessCidrs`. */
  path: z.string().min(1),
  /** The value at the path; `null` with `absent: true` when the API object does not have it. */
  value: z.unknown(),
  absent: z.literal(true).optional(),
});
export type Evidence = z.infer<typeof Evidence>;

/** A sub-resource a result is about (node group, access entry, IAM role...), when not the cluster. */
export const Subject = z.object({
  type: z.string().min(1),
  id: z.string().min(1),
  name: z.string().min(1),
});
export type Subject = z.infer<typeof Subject>;

/** What `evaluate` returns for one resource. */
export interface Outcome {
  status: Status;
  /** A sentence naming the resource and the deciding value. */
  message: string;
  evidence: Evidence[];
  subject?: Subject;
}

export const Remediation = z.object({
  /** What to change, in one or two sentences. */
  summary: z.string().min(1),
  /** The cloud CLI command that fixes it. */
  cli: z.string().optional(),
  /** The infrastructure-as-code setting (CDK / Terraform / Bicep). */
  iac: z.string().optional(),
  /** Vendor documentation. */
  url: z.url().optional(),
});
export type Remediation = z.infer<typeof Remediation>;

export const CheckMeta = z.strictObject({
  /** Equal to the file name; never changes. */
  id: z.string().regex(/^(eks|gke|aks)-[a-z0-9]+(-[a-z0-9]+)*$/),
  /** Earlier ids of this check. */
  aliases: z.array(z.string()).optional(),
  provider: Provider,
  /** The compliant state, stated positively. */
  title: z.string().min(1),
  severity: Severity,
  /** Groups the equivalent checks of the three clouds (e.g. `audit-logging`). */
  family: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  categories: z.array(Category).min(1),
  /** Why a failure matters. */
  risk: z.string().min(1),
  remediation: Remediation,
  /** Framework id → requirement ids, e.g. `{ 'cis-eks-1.8.0': ['5.4.2'] }`. */
  frameworks: z.record(z.string(), z.array(z.string().min(1))),
  /** The API operations whose results the check reads (`service:Operation`). */
  reads: z.array(z.string().regex(/^[a-z0-9-]+:[A-Za-z.]+$/)).min(1),
});
export type CheckMeta = z.infer<typeof CheckMeta>;

/** Everything a check may depend on besides the snapshot: no I/O, no clock, no env. */
export interface EvalContext {
  /** The audit's reference time (injected so checks stay pure). */
  now: Date;
  config: AuditConfig;
}

export interface Check<S extends ClusterSnapshot> {
  meta: CheckMeta & { provider: S['provider'] };
  evaluate(snapshot: S, ctx: EvalContext): Outcome | Outcome[];
}

export type EksCheck = Check<EksSnapshot>;
export type GkeCheck = Check<GkeSnapshot>;
export type AksCheck = Check<AksSnapshot>;
export type AnyCheck = EksCheck | GkeCheck | AksCheck;
