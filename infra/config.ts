import * as z from 'zod';
import { Mutelist } from '../core/mutelist';
import { RunConfig } from '../pipeline/run-config';

/**
 * The deployment settings of the auditor stack and the member-role stack. Read from CDK context
 * (`-c mk8s-audit='{...}'` or `context["mk8s-audit"]` in cdk.json) or from
 * `mk8s-audit.config.json`; see `infra/load-config.ts`. Unknown keys are errors, so a typo never
 * silently falls back to a default.
 */

const AccountId = z
  .string()
  .regex(/^\d{12}$/, 'must be a 12-digit AWS account id in quotes, e.g. "111122223333"');

/** An IAM role name (IAM's own limits: 1-64 of `[\w+=,.@-]`). */
const RoleName = z
  .string()
  .regex(/^[\w+=,.@-]{1,64}$/, 'must be an IAM role name: 1-64 letters, digits or +=,.@_-');

/** An IAM role ARN, path included (key policies name roles by ARN; no wildcards). */
const RoleArn = z
  .string()
  .regex(
    /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/,
    'must be an IAM role ARN, e.g. "arn:aws:iam::111122223333:role/SecurityAuditor"',
  );

/** One field of an EventBridge Scheduler cron expression. */
const CRON_FIELD = /^[0-9A-Za-z*?/,#LW-]+$/;

/**
 * EventBridge Scheduler `cron(minutes hours day-of-month month day-of-week year)`: six fields,
 * and one of day-of-month / day-of-week must be `?` (Scheduler user guide, "Cron expressions").
 */
export const CronExpression = z.string().superRefine((value, ctx) => {
  const fields = value.trim().split(/\s+/);
  const fix =
    'write six fields "minutes hours day-of-month month day-of-week year", e.g. "0 3 * * ? *" (daily 03:00)';
  if (fields.length !== 6) {
    ctx.addIssue({ code: 'custom', message: `has ${fields.length} fields; ${fix}` });
    return;
  }
  if (!fields.every((f) => CRON_FIELD.test(f))) {
    ctx.addIssue({ code: 'custom', message: `contains characters cron does not allow; ${fix}` });
    return;
  }
  if ((fields[2] === '?') === (fields[4] === '?')) {
    ctx.addIssue({
      code: 'custom',
      message: `exactly one of day-of-month (3rd) and day-of-week (5th) must be "?"; ${fix}`,
    });
  }
});

const TimeZone = z
  .string()
  .refine((tz) => tz === 'UTC' || Intl.supportedValuesOf('timeZone').includes(tz), {
    message: 'must be an IANA time zone such as "UTC" or "Europe/Berlin"',
  });

/** CloudWatch Logs accepts only these retention periods (PutRetentionPolicy). */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288,
  3653,
] as const;
const LogRetentionDays = z
  .number()
  .refine((d) => (LOG_RETENTION_DAYS as readonly number[]).includes(d), {
    message: `must be one of ${LOG_RETENTION_DAYS.join(', ')} (the periods CloudWatch Logs accepts)`,
  });

const Days = z.number().int().min(1, 'must be a whole number of days, at least 1');

export const FindingsLifecycle = z
  .strictObject({
    /** Move run objects to S3 Standard-IA after this many days. */
    infrequentAccessAfterDays: Days.min(
      30,
      'must be at least 30 (S3 minimum for Standard-IA)',
    ).default(30),
    /** Move run objects to Glacier Flexible Retrieval after this many days; absent: never. */
    glacierAfterDays: Days.optional(),
    /** Delete run objects after this many days; absent: keep the history forever. */
    expireAfterDays: Days.optional(),
    /** Delete overwritten (noncurrent) versions after this many days. */
    noncurrentVersionsExpireAfterDays: Days.default(90),
  })
  .superRefine((l, ctx) => {
    if (l.expireAfterDays !== undefined && l.expireAfterDays <= l.infrequentAccessAfterDays) {
      ctx.addIssue({
        code: 'custom',
        path: ['expireAfterDays'],
        message: 'must be greater than infrequentAccessAfterDays, or be left out to keep objects',
      });
    }
    if (l.glacierAfterDays !== undefined && l.glacierAfterDays <= l.infrequentAccessAfterDays) {
      ctx.addIssue({
        code: 'custom',
        path: ['glacierAfterDays'],
        message: 'must be greater than infrequentAccessAfterDays',
      });
    }
  });

export type FindingsLifecycle = z.infer<typeof FindingsLifecycle>;

/**
 * The audit part (`pipeline/run-config.ts`: accounts, regions, organization, GCP projects, Azure
 * subscriptions, check settings), with the defaults of a deployment where they differ from a
 * local run's: Security Hub import on, and an external id the member roles require.
 */
export const DEPLOYED_EXTERNAL_ID = 'mk8s-audit';
/** Lambda allows 4 KB of environment variables per function; the rest is ours. */
const MAX_AUDIT_INPUT_BYTES = 3072;

function withDeploymentDefaults(input: Record<string, unknown>): Record<string, unknown> {
  const object = (v: unknown): Record<string, unknown> | undefined =>
    v === undefined
      ? {}
      : typeof v === 'object' && v !== null && !Array.isArray(v)
        ? (v as Record<string, unknown>)
        : undefined;
  const aws = object(input['aws']);
  const hub = object(input['securityHub']);
  return {
    ...input,
    // A value of the wrong type is left as it is, for RunConfig to report.
    aws: aws === undefined ? input['aws'] : { externalId: DEPLOYED_EXTERNAL_ID, ...aws },
    securityHub: hub === undefined ? input['securityHub'] : { enabled: true, ...hub },
  };
}

/**
 * A deployed function has no gcloud or Azure CLI login: GCP projects and Azure subscriptions
 * need credentials it can use (federation, or an opt-in secret).
 */
function deployedCredentialIssues(c: RunConfig): { path: string[]; message: string }[] {
  const issues: { path: string[]; message: string }[] = [];
  const gcp = c.gcp.credentials?.source;
  if (c.gcp.projects.length > 0 && (gcp === undefined || gcp === 'application-default')) {
    issues.push({
      path: ['gcp', 'credentials'],
      message:
        'the deployed functions have no Application Default Credentials: set source "workload-identity" (no key; README "GCP without keys") or, as a fallback, "service-account-key"',
    });
  }
  const azure = c.azure.credentials?.source;
  if (c.azure.subscriptions.length > 0 && (azure === undefined || azure === 'default')) {
    issues.push({
      path: ['azure', 'credentials'],
      message:
        'the deployed functions have no Azure CLI login: set source "workload-identity" (no secret; README "Azure without secrets") or, as a fallback, "client-secret"',
    });
  }
  return issues;
}

const AuditPart = z
  .record(z.string(), z.unknown())
  .prefault({})
  .transform((raw, ctx) => {
    const input = withDeploymentDefaults(raw);
    const parsed = RunConfig.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        ctx.addIssue({ ...issue, path: issue.path } as never);
      return z.NEVER;
    }
    const credentialIssues = deployedCredentialIssues(parsed.data);
    for (const issue of credentialIssues) ctx.addIssue({ code: 'custom', ...issue });
    if (credentialIssues.length > 0) return z.NEVER;
    const size = JSON.stringify(input).length;
    if (size > MAX_AUDIT_INPUT_BYTES) {
      ctx.addIssue({
        code: 'custom',
        message: `is ${size} bytes as JSON; the functions receive it in an environment variable (4 KB for all of them), so keep it under ${MAX_AUDIT_INPUT_BYTES}: set aws.organization to true instead of listing accounts`,
      });
      return z.NEVER;
    }
    /** `input` is what the functions receive (compact: they fill the defaults themselves). */
    return { input, config: parsed.data };
  });

export const DeploymentConfig = z
  .strictObject({
    schedule: z
      .strictObject({
        /** EventBridge Scheduler cron fields; default: every day at 03:00. */
        cron: CronExpression.default('0 3 * * ? *'),
        timeZone: TimeZone.default('UTC'),
        /** false: the schedule exists but is disabled (runs only by hand). */
        enabled: z.boolean().default(true),
      })
      .prefault({}),
    /** Targets audited at once by the Distributed Map. */
    maxConcurrency: z.number().int().min(1).max(1000, 'must be at most 1000').default(10),
    /** Name of the auditor's audit-target role, which member roles trust (to read). */
    auditorRoleName: RoleName.default('mk8s-audit-target'),
    /**
     * Name of the auditor's discover role, which member roles also trust (to list enabled
     * regions and clusters) and GCP and Azure federation admit (to list projects, subscriptions
     * and clusters).
     */
    discoverRoleName: RoleName.default('mk8s-audit-discover'),
    /**
     * Name of the auditor's publish role, which member roles also trust in Security Hub
     * `owner-account` mode (to import the account's findings into its own Security Hub).
     */
    publishRoleName: RoleName.default('mk8s-audit-publish'),
    /** The account the auditor stack is deployed to; the member-role stack trusts it. */
    auditorAccountId: AccountId.optional(),
    /** Where alarms are e-mailed; absent: alarms go to the SNS topic only. */
    alarmEmail: z.email('must be an e-mail address').optional(),
    logRetentionDays: LogRetentionDays.default(365),
    findings: FindingsLifecycle.prefault({}),
    /**
     * S3 Object Lock on the findings bucket for evidence integrity: every object version is kept
     * for `retentionDays` after it is written. Governance mode only (compliance mode cannot be
     * lifted by anyone, not even the account root). Object Lock can only be turned on, never off.
     */
    objectLock: z
      .strictObject({
        mode: z
          .literal('GOVERNANCE', {
            message:
              'must be "GOVERNANCE" (compliance mode cannot be lifted, even by the account root; it is not offered)',
          })
          .default('GOVERNANCE'),
        retentionDays: Days.max(36_500, 'must be at most 36500 days (100 years)'),
      })
      .optional(),
    /**
     * Roles of people who read the evidence (Athena queries over the history, downloads of
     * snapshots and reports). The findings key allows only the stack's own roles; these are
     * added to its policy, for use through S3 only. Their IAM policies must still allow the S3
     * (and Athena/Glue) actions. Each role must exist when the stack is deployed.
     */
    findingsReaders: z
      .array(RoleArn)
      .max(20, 'must list at most 20 roles (use one role that people assume)')
      .refine((arns) => new Set(arns).size === arns.length, 'must not list a role twice')
      .default([]),
    /** What to audit: see `AuditPart`. */
    audit: AuditPart,
    /**
     * Accepted risks (docs/mutelist.md), deployed with the stack and applied by publish. Written
     * inline, or read from `mutelistFile` (JSON or YAML) by `infra/load-config.ts`. For a list that
     * changes without a redeploy, upload it to the findings bucket and set `audit.mutelistKey`.
     */
    mutelist: Mutelist.optional(),
    /** A mutelist file, relative to the directory `cdk` runs in. */
    mutelistFile: z.string().min(1).optional(),
  })
  .superRefine((c, ctx) => {
    const given = [c.mutelist, c.mutelistFile, c.audit.config.mutelistKey].filter(
      (v) => v !== undefined,
    );
    if (given.length > 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['mutelist'],
        message:
          'give one mutelist: inline "mutelist", a "mutelistFile", or "audit.mutelistKey" in the findings bucket',
      });
    }
  });
export type DeploymentConfig = z.infer<typeof DeploymentConfig>;
