import { fileURLToPath } from 'node:url';
import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { ArnPrincipal, type IPrincipal } from 'aws-cdk-lib/aws-iam';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { MUTELIST_ENV } from '../functions/shared/environment';
import type { DeploymentConfig } from './config';
import { AuditAlarms } from './constructs/audit-alarms';
import { AuditSchedule } from './constructs/audit-schedule';
import { AuditWorkflow } from './constructs/audit-workflow';
import { AuditorFunction } from './constructs/auditor-function';
import { AuditorPermissions } from './constructs/auditor-permissions';
import { CrossCloudAccess } from './constructs/cross-cloud-access';
import { FindingsBucket } from './constructs/findings-bucket';
import { FindingsHistory } from './constructs/findings-history';
import { MuteAutomationRules } from './constructs/mute-automation-rules';
import { FUNCTION_MEMORY_MB } from './function-memory';
import { ConfigError } from './load-config';

export interface Mk8sAuditStackProps extends StackProps {
  readonly config: DeploymentConfig;
}

/**
 * Lambda allows 4 KB for all environment variables of a function; RUN_CONFIG may take 3 KB, so a
 * deployed mutelist and the run configuration together stay under this.
 */
const MAX_PUBLISH_ENVIRONMENT_BYTES = 3584;

/** The deployed mutelist for the publish function, as compact JSON (`MUTELIST`). */
function mutelistEnvironment(config: DeploymentConfig): Record<string, string> {
  if (config.mutelist === undefined) return {};
  const json = JSON.stringify(config.mutelist);
  const total = json.length + JSON.stringify(config.audit.input).length;
  if (total > MAX_PUBLISH_ENVIRONMENT_BYTES) {
    throw new ConfigError(
      `mutelist: ${json.length} bytes as JSON; with the audit settings that is over the ${MAX_PUBLISH_ENVIRONMENT_BYTES} bytes the publish function's environment can hold. Upload the file to the findings bucket and set audit.mutelistKey instead (publish reads it at every run).`,
    );
  }
  return { [MUTELIST_ENV]: json };
}

/** `functions/<name>/index.ts`, the Lambda entry points. */
function entry(name: string): string {
  return fileURLToPath(new URL(`../functions/${name}/index.ts`, import.meta.url));
}

/**
 * The auditor: findings bucket, the three functions, the run workflow, its schedule and its
 * alarms. Environment-agnostic (no lookups), so it synthesizes offline without credentials.
 */
export class Mk8sAuditStack extends Stack {
  public readonly findings: FindingsBucket;
  public readonly workflow: AuditWorkflow;

  public constructor(scope: Construct, id: string, props: Mk8sAuditStackProps) {
    super(scope, id, props);
    const { config } = props;
    const logRetention = config.logRetentionDays as RetentionDays;
    this.findings = new FindingsBucket(this, 'Findings', {
      lifecycle: config.findings,
      objectLockRetentionDays: config.objectLock?.retentionDays,
    });
    // Athena over the JSON Lines copy of every run's findings that publish writes.
    new FindingsHistory(this, 'History', { bucket: this.findings.bucket, key: this.findings.key });

    const audit = config.audit.config;
    const environment = {
      FINDINGS_BUCKET: this.findings.bucket.bucketName,
      // The run configuration as written (validated here, parsed again by each function).
      RUN_CONFIG: JSON.stringify(config.audit.input),
    };
    const discover = new AuditorFunction(this, 'Discover', {
      entry: entry('discover'),
      description: 'discover: turns the configuration into the run targets',
      logRetention,
      environment,
      // It lists the clusters of every account+region, project and subscription.
      timeout: Duration.minutes(15),
      memorySize: FUNCTION_MEMORY_MB.discover,
      roleName: config.discoverRoleName,
    });
    const auditTarget = new AuditorFunction(this, 'AuditTarget', {
      entry: entry('audit-target'),
      description: 'audit-target: collects and evaluates the clusters of one target',
      logRetention,
      environment,
      timeout: Duration.minutes(15),
      memorySize: FUNCTION_MEMORY_MB.auditTarget,
      roleName: config.auditorRoleName,
    });
    const publish = new AuditorFunction(this, 'Publish', {
      entry: entry('publish'),
      description: 'publish: merges the run, writes reports, imports findings to Security Hub',
      logRetention,
      environment: { ...environment, ...mutelistEnvironment(config) },
      timeout: Duration.minutes(15),
      memorySize: FUNCTION_MEMORY_MB.publish,
      roleName: config.publishRoleName,
    });

    new AuditorPermissions(this, 'Permissions', {
      bucket: this.findings.bucket,
      key: this.findings.key,
      discover: discover.role,
      auditTarget: auditTarget.role,
      publish: publish.role,
      memberRoleName: audit.aws.memberRoleName,
      ...(audit.mutelistKey === undefined ? {} : { mutelistKey: audit.mutelistKey }),
      securityHub: audit.securityHub.enabled
        ? { region: audit.securityHub.region, mode: audit.securityHub.mode }
        : undefined,
    });

    new CrossCloudAccess(this, 'CrossCloud', {
      role: auditTarget.role,
      roleName: config.auditorRoleName,
      discover: { role: discover.role, roleName: config.discoverRoleName },
      audit,
      logRetention,
    });
    // With a mutelist, Security Hub suppresses muted findings and reopens expired ones.
    const anyMutelist = config.mutelist !== undefined || audit.mutelistKey !== undefined;
    if (anyMutelist && audit.securityHub.enabled) {
      new MuteAutomationRules(this, 'MuteRules', { region: audit.securityHub.region });
    }

    this.workflow = new AuditWorkflow(this, 'Workflow', {
      discover: discover.fn,
      auditTarget: auditTarget.fn,
      publish: publish.fn,
      bucket: this.findings.bucket,
      key: this.findings.key,
      maxConcurrency: config.maxConcurrency,
      logRetention,
    });

    // The findings key's policy names everyone who reads or writes the bucket: the three
    // functions, the workflow (the Map's items and results) and the configured readers.
    const keyUsers: [string, IPrincipal][] = [
      ['Discover', discover.role],
      ['AuditTarget', auditTarget.role],
      ['Publish', publish.role],
      ['Workflow', this.workflow.stateMachine.role],
      ...config.findingsReaders.map((arn, i): [string, IPrincipal] => [
        `Reader${i + 1}`,
        new ArnPrincipal(arn),
      ]),
    ];
    for (const [name, principal] of keyUsers) {
      this.findings.allowKeyUse(`${name}UsesKeyThroughS3`, principal);
    }

    const schedule = new AuditSchedule(this, 'Schedule', {
      stateMachine: this.workflow.stateMachine,
      cron: config.schedule.cron,
      timeZone: config.schedule.timeZone,
      enabled: config.schedule.enabled,
    });
    new AuditAlarms(this, 'Alarms', {
      stateMachine: this.workflow.stateMachine,
      scheduleDeadLetters: schedule.deadLetterQueue,
      ...(config.alarmEmail === undefined ? {} : { email: config.alarmEmail }),
    });
  }
}
