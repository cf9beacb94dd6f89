import type { EksCheck } from '../../core/check';
import { ev, fail, notApplicable, pass, readPart } from '../../core/outcome';
import { readLogTypes } from './lib/log-types';

const GROUPS = 'parts.controlPlaneLogGroup.value';

export const eksLogGroupRetention: EksCheck = {
  meta: {
    id: 'eks-log-group-retention',
    provider: 'eks',
    title: 'EKS control-plane log group is kept long enough and encrypted with a KMS key',
    severity: 'low',
    family: 'audit-log-retention',
    categories: ['logging'],
    risk: 'Audit evidence that expires before an investigation or an audit needs it is lost; log data under no customer KMS key cannot be access-controlled or crypto-shredded by key policy.',
    remediation: {
      summary:
        'Set a retention of at least the required days (or never expire) on /aws/eks/<cluster>/cluster and associate a customer managed KMS key.',
      cli: 'aws logs put-retention-policy --log-group-name /aws/eks/<cluster>/cluster --retention-in-days 365 && aws logs associate-kms-key --log-group-name /aws/eks/<cluster>/cluster --kms-key-id <key-arn>',
      iac: 'CDK: new logs.LogGroup(this, "EksLogs", { logGroupName: "/aws/eks/<cluster>/cluster", retention: logs.RetentionDays.ONE_YEAR, encryptionKey }); Terraform aws_cloudwatch_log_group: retention_in_days = 365, kms_key_id = aws_kms_key.logs.arn',
      url: 'https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html',
    },
    frameworks: { 'cis-eks-1.8.0': ['2.1.2'] },
    reads: ['eks:DescribeCluster', 'logs:DescribeLogGroups'],
  },
  evaluate({ cluster, ref, parts }, { config }) {
    const name = `/aws/eks/${ref.name}/cluster`;
    const logging = readLogTypes(cluster);
    if (logging.ok && logging.enabled.size === 0) {
      return notApplicable(
        `Cluster ${ref.name} sends no control-plane logs, so it has no log group to keep (see eks-audit-logging).`,
        logging.evidence,
      );
    }
    const read = readPart(parts.controlPlaneLogGroup, `Log group ${name}`, GROUPS);
    if (!read.ok) return read.outcome;
    const index = read.value.findIndex((g) => g.logGroupName === name);
    const group = read.value[index];
    if (!group) {
      return fail(
        `Cluster ${ref.name} has control-plane logging on, but log group ${name} does not exist.`,
        [ev(GROUPS, read.value)],
      );
    }
    const at = `${GROUPS}[${index}]`;
    const days = group.retentionInDays;
    const evidence = [ev(`${at}.retentionInDays`, days), ev(`${at}.kmsKeyId`, group.kmsKeyId)];
    const min = config.eks.logRetentionMinDays;
    const problems: string[] = [];
    // DescribeLogGroups omits retentionInDays when the events never expire.
    if (days !== undefined && days < min)
      problems.push(`keeps events ${days} days (at least ${min} required)`);
    if (!group.kmsKeyId) problems.push('is not encrypted with a KMS key (kmsKeyId absent)');
    return problems.length > 0
      ? fail(`Log group ${name} of cluster ${ref.name} ${problems.join(' and ')}.`, evidence)
      : pass(
          `Log group ${name} of cluster ${ref.name} keeps events ${days === undefined ? 'forever' : `${days} days`} under KMS key ${group.kmsKeyId}.`,
          evidence,
        );
  },
};
