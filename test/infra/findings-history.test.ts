import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Bucket, BucketEncryption, type IBucket } from 'aws-cdk-lib/aws-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { FINDINGS_HISTORY_PREFIX, FindingsHistory } from '../../infra/constructs/findings-history';
import { HISTORY_COLUMNS, SAVED_QUERIES } from '../../infra/constructs/findings-history-queries';
import { FINDING_LINE_COLUMNS } from '../../outputs/findings-lines';
import { findingsLinesKey, FINDINGS_HISTORY_PREFIX as PIPELINE_PREFIX } from '../../pipeline/keys';

type Resource = { Type: string; Properties: Record<string, unknown>; DependsOn?: string[] };

let template: Template;

beforeAll(() => {
  const app = new App();
  const stack = new Stack(app, 'HistoryTest', {
    env: { account: '111122223333', region: 'eu-west-1' },
  });
  const key = new Key(stack, 'Key');
  const bucket = new Bucket(stack, 'Findings', {
    encryption: BucketEncryption.KMS,
    encryptionKey: key,
  });
  // aws-cdk-lib's Bucket class does not satisfy IBucket under exactOptionalPropertyTypes.
  new FindingsHistory(stack, 'History', { bucket: bucket as IBucket, key });
  template = Template.fromStack(stack);
});

const only = (type: string): Resource => {
  const found = Object.values(template.findResources(type)) as Resource[];
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe('FindingsHistory', () => {
  it('reads the JSON Lines the publish step writes: same prefix, same columns in the same order', () => {
    expect(FINDINGS_HISTORY_PREFIX).toBe(PIPELINE_PREFIX);
    expect(findingsLinesKey({ runId: 'r1', date: '2026-11-28' })).toBe(
      `${FINDINGS_HISTORY_PREFIX}date=2026-11-28/run=r1.jsonl`,
    );
    expect(HISTORY_COLUMNS.map((c) => c.name)).toEqual([...FINDING_LINE_COLUMNS]);
  });

  it('creates a Glue database and an external JSON table partitioned by day with projection', () => {
    template.hasResourceProperties('AWS::Glue::Database', {
      CatalogId: '111122223333',
      DatabaseInput: { Name: 'mk8s_audit' },
    });
    const table = only('AWS::Glue::Table');
    const location = {
      'Fn::Join': [
        '',
        ['s3://', { Ref: Match.stringLikeRegexp('^Findings') }, '/findings-history/'],
      ],
    };
    template.hasResourceProperties('AWS::Glue::Table', {
      DatabaseName: 'mk8s_audit',
      TableInput: {
        Name: 'findings',
        TableType: 'EXTERNAL_TABLE',
        PartitionKeys: [{ Name: 'run_date', Type: 'string', Comment: Match.anyValue() }],
        Parameters: {
          classification: 'json',
          'projection.enabled': 'true',
          'projection.run_date.type': 'date',
          'projection.run_date.format': 'yyyy-MM-dd',
          'projection.run_date.range': '2026-01-01,NOW',
          'projection.run_date.interval': '1',
          'projection.run_date.interval.unit': 'DAYS',
          'storage.location.template': {
            'Fn::Join': [
              '',
              [
                's3://',
                { Ref: Match.stringLikeRegexp('^Findings') },
                // biome-ignore lint/suspicious/noTemplateCurlyInString: Athena's projection placeholder
                '/findings-history/date=${run_date}/',
              ],
            ],
          },
        },
        StorageDescriptor: Match.objectLike({
          Location: location,
          SerdeInfo: { SerializationLibrary: 'org.openx.data.jsonserde.JsonSerDe' },
        }),
      },
    });
    expect(table.DependsOn).toEqual([expect.stringMatching(/^HistoryDatabase/)]);
    const columns = (
      (table.Properties['TableInput'] as Record<string, Record<string, unknown>>)[
        'StorageDescriptor'
      ]!['Columns'] as { Name: string; Type: string }[]
    ).map((c) => `${c.Name} ${c.Type}`);
    expect(columns).toContain('requirements array<string>');
    expect(columns).toContain('frameworks map<string,array<string>>');
  });

  it('has a workgroup that enforces KMS-encrypted results in the findings bucket', () => {
    template.hasResourceProperties('AWS::Athena::WorkGroup', {
      Name: 'mk8s-audit-history',
      WorkGroupConfiguration: Match.objectLike({
        EnforceWorkGroupConfiguration: true,
        EngineVersion: { SelectedEngineVersion: 'Athena engine version 3' },
        ResultConfiguration: {
          OutputLocation: {
            'Fn::Join': [
              '',
              ['s3://', { Ref: Match.stringLikeRegexp('^Findings') }, '/athena-results/'],
            ],
          },
          EncryptionConfiguration: {
            EncryptionOption: 'SSE_KMS',
            KmsKey: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Key'), 'Arn'] },
          },
        },
      }),
    });
  });

  it('saves the three queries against the table, in the workgroup', () => {
    const queries = Object.values(template.findResources('AWS::Athena::NamedQuery')) as Resource[];
    expect(queries.map((q) => q.Properties['Name'])).toEqual(SAVED_QUERIES.map((q) => q.name));
    const columns = new Set([...HISTORY_COLUMNS.map((c) => c.name), 'run_date']);
    for (const q of queries) {
      expect(q.Properties).toMatchObject({
        Database: 'mk8s_audit',
        WorkGroup: { Ref: expect.stringMatching(/^HistoryWorkGroup/) },
      });
      const sql = q.Properties['QueryString'] as string;
      const code = sql.replace(/--.*$/gm, '');
      expect(sql).toContain('FROM "mk8s_audit"."findings"');
      // Every snake_case identifier the queries filter or group on is a column of the table.
      const used = [...code.matchAll(/\b(?:WHERE|AND|BY|SELECT|,)\s+([a-z_]+)\b(?!\()/g)].map(
        (m) => m[1]!,
      );
      const aliases = new Set([...code.matchAll(/\bAS ([a-z_]+)/g)].map((m) => m[1]!));
      for (const name of used) {
        if (aliases.has(name)) continue;
        if (['count', 'min', 'max', 'contains', 'array_agg', 'date_format'].includes(name))
          continue;
        expect(columns, `${name} in ${q.Properties['Name']}`).toContain(name);
      }
    }
    const byRequirement = queries.find((q) =>
      String(q.Properties['Name']).includes('CIS requirement'),
    )!;
    expect(byRequirement.Properties['QueryString']).toContain('contains(requirements, ?)');
    const open = queries.find((q) => String(q.Properties['Name']).includes('critical and high'))!;
    expect(open.Properties['QueryString']).toMatch(
      /status = 'fail'\s+AND severity IN \('critical', 'high'\)/,
    );
  });
});
