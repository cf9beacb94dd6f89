import * as z from 'zod';
import { CallsInFlight } from '../core/call-limiter';
import { AuditConfig, formatIssues } from '../core/config';
import { AzureCredentials, GcpCredentials } from './credentials-config';
import { DEFAULT_MAX_CLUSTERS_PER_TARGET } from './split-targets';

const AwsAccountId = z
  .string()
  .regex(/^\d{12}$/, 'a 12-digit AWS account id such as "111122223333"');
const AwsRegion = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'an AWS region such as "eu-west-1"');
/** IAM role names: 1–64 of `[\w+=,.@-]`. */
const RoleName = z
  .string()
  .regex(/^[\w+=,.@-]{1,64}$/, 'an IAM role name (1-64 characters of letters, digits, +=,.@_-)');
/** An Organizations OU (`ou-ab12-cd34ef56`) or root (`r-ab12`) id. */
const OrgParentId = z
  .string()
  .regex(
    /^(ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}|r-[0-9a-z]{4,32})$/,
    'an Organizations OU id such as "ou-ab12-cd34ef56" or a root id such as "r-ab12"',
  );
/** A Resource Manager parent of projects: an organization or a folder. */
const GcpParent = z
  .string()
  .regex(
    /^(organizations|folders)\/\d+$/,
    'an organization or folder such as "organizations/123456789012" or "folders/345678901234"',
  );
/** GCP project ids: 6–30 lowercase letters, digits and hyphens, starting with a letter. */
const GcpProjectId = z
  .string()
  .regex(/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/, 'a GCP project id such as "acme-prod-123"');
const AzureSubscriptionId = z.guid('an Azure subscription id (a GUID)');

export const AwsRunConfig = z
  .strictObject({
    /** Accounts to audit. The caller's own account is audited with its own credentials. */
    accounts: z.array(AwsAccountId).default([]),
    /** Regions to audit in every account. */
    regions: z.array(AwsRegion).default([]),
    /**
     * Audit every active account of the AWS Organization (needs the organization hook of
     * `discover`; explicit `accounts` are added to them).
     */
    organization: z.boolean().default(false),
    /**
     * With `organization`: only the accounts below these OUs (or the root), leaving out the
     * excluded OUs and everything below them. Absent: the whole organization.
     */
    organizationalUnits: z
      .strictObject({
        include: z.array(OrgParentId).default([]),
        exclude: z.array(OrgParentId).default([]),
      })
      .optional(),
    /** Audit every region enabled in each account (needs the enabled-regions hook of `discover`). */
    allEnabledRegions: z.boolean().default(false),
    /** The read-only role assumed in member accounts (shipped as `Mk8sAuditMemberRoleStack`). */
    memberRoleName: RoleName.default('mk8s-audit-read'),
    /** The external id the member role's trust policy requires, if any. */
    externalId: z.string().min(2).max(1224).optional(),
  })
  .superRefine((aws, ctx) => {
    if (aws.organizationalUnits !== undefined && !aws.organization) {
      ctx.addIssue({
        code: 'custom',
        path: ['organizationalUnits'],
        message: 'organizationalUnits narrows the organization: set organization: true too',
      });
    }
    const anyAccount = aws.accounts.length > 0 || aws.organization;
    if (anyAccount && aws.regions.length === 0 && !aws.allEnabledRegions) {
      ctx.addIssue({
        code: 'custom',
        path: ['regions'],
        message: 'list the regions to audit (e.g. ["eu-west-1"]) or set allEnabledRegions: true',
      });
    }
  });
export type AwsRunConfig = z.infer<typeof AwsRunConfig>;

/**
 * What one audit run covers and where its findings go. Shared by the CLI (`mk8s-audit.config.json`)
 * and the Lambda functions. Unknown keys are errors, so a typo never silently narrows an audit.
 */
export const RunConfig = z.strictObject({
  aws: AwsRunConfig.prefault({}),
  gcp: z
    .strictObject({
      projects: z.array(GcpProjectId).default([]),
      /**
       * Audit every ACTIVE project below these organizations and folders, at any depth
       * (`organizations/123`, `folders/456`; needs the projects hook of `discover`). Explicit
       * `projects` are added to them.
       */
      parents: z.array(GcpParent).default([]),
      /** How the run signs in to Google Cloud; absent: Application Default Credentials. */
      credentials: GcpCredentials.optional(),
    })
    .prefault({}),
  azure: z
    .strictObject({
      subscriptions: z.array(AzureSubscriptionId).default([]),
      /**
       * Audit every usable subscription the identity can see (needs the subscriptions hook of
       * `discover`); explicit `subscriptions` are added to them.
       */
      allSubscriptions: z.boolean().default(false),
      /** How the run signs in to Azure; absent: DefaultAzureCredential. */
      credentials: AzureCredentials.optional(),
    })
    .prefault({}),
  securityHub: z
    .strictObject({
      /** Import findings into Security Hub (off by default: a local run must not write there). */
      enabled: z.boolean().default(false),
      /** The Region findings are imported into; default: the run's own Region. */
      region: AwsRegion.optional(),
      /**
       * `owner-account`: EKS findings go to their cluster's own account and Region through the
       * member role (Security Hub aggregation and per-account automation rules then apply);
       * `central`: everything into the auditor account. GKE and AKS findings are always central.
       */
      mode: z.enum(['owner-account', 'central']).default('owner-account'),
      /**
       * Unchanged open findings are sent again once their last import is this many days old, so
       * none reaches Security Hub's 90-day expiry (each resend is a billed ingestion event).
       */
      refreshAfterDays: z.number().int().min(1).max(80).default(7),
    })
    .prefault({}),
  /**
   * Targets of each cloud audited at the same time by a local run (Step Functions has its own
   * setting, the Map's maxConcurrency).
   */
  concurrency: z.number().int().min(1).max(64).default(4),
  /**
   * Cloud API calls in flight per process and cloud (`core/call-limiter.ts`), sized to the read
   * quotas of an account, project or subscription. In Lambda a process audits one target.
   */
  callsInFlight: CallsInFlight,
  /**
   * Clusters per target: a scope with more (listed by discover) is split into parts of nearly
   * equal size, each a Lambda invocation of its own (pipeline/split-targets.ts says why 25).
   */
  maxClustersPerTarget: z
    .number()
    .int()
    .min(1)
    .max(
      500,
      'at most 500 (a Map item names its clusters; larger targets risk the 15-minute limit)',
    )
    .default(DEFAULT_MAX_CLUSTERS_PER_TARGET),
  /** Settings of the checks. */
  checks: AuditConfig.prefault({}),
  /**
   * A mutelist (JSON or YAML, docs/mutelist.md) stored in the findings bucket under this key:
   * publish reads it at every run, so an exception changes without a redeploy.
   */
  mutelistKey: z
    .string()
    .min(1)
    .max(1024)
    .regex(/^[^/]/, 'an S3 key such as "config/mutelist.yaml" (no leading /)')
    .optional(),
});
export type RunConfig = z.infer<typeof RunConfig>;
export type RunConfigInput = z.input<typeof RunConfig>;

/** A run configuration that does not validate: the message names every key at fault. */
export class RunConfigError extends Error {
  override readonly name = 'RunConfigError';
}

/** Validates a run configuration (`source` names it in the error, e.g. the file). */
export function parseRunConfig(input: unknown, source = 'the run configuration'): RunConfig {
  const parsed = RunConfig.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new RunConfigError(`${source} is not valid:\n${formatIssues(parsed.error)}`);
}
