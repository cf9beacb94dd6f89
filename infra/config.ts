import { z } from 'zod';

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

/** sts:ExternalId: 2-1224 of `[\w+=,.@:/-]` (STS AssumeRole API reference). */
const ExternalId = z
  .string()
  .regex(/^[\w+=,.@:/-]{2,1224}$/, 'must be 2-1224 letters, digits or +=,.@:/_-');

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

export const DeploymentConfig = z.strictObject({
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
  /** Name of the read-only role in member accounts (Mk8sAuditMemberRoleStack). */
  memberRoleName: RoleName.default('mk8s-audit-read'),
  /** Name of the auditor's audit-target role, the only principal member roles trust. */
  auditorRoleName: RoleName.default('mk8s-audit-target'),
  /** sts:ExternalId the auditor passes and member roles require. */
  externalId: ExternalId.default('mk8s-audit'),
  /** The account the auditor stack is deployed to; the member-role stack trusts it. */
  auditorAccountId: AccountId.optional(),
  /** Where alarms are e-mailed; absent: alarms go to the SNS topic only. */
  alarmEmail: z.email('must be an e-mail address').optional(),
  /** Import findings into Security Hub (it must be enabled in the auditor's region). */
  securityHub: z.boolean().default(true),
  logRetentionDays: LogRetentionDays.default(365),
  findings: FindingsLifecycle.prefault({}),
  /**
   * What to audit and how (accounts, regions, organization, GCP projects, Azure subscriptions,
   * check settings), handed unchanged to the discover and audit steps, which validate it.
   */
  audit: z.record(z.string(), z.unknown()).default({}),
});
export type DeploymentConfig = z.infer<typeof DeploymentConfig>;
