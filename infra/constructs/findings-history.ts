import { Stack } from 'aws-cdk-lib';
import { CfnNamedQuery, CfnWorkGroup } from 'aws-cdk-lib/aws-athena';
import { CfnDatabase, CfnTable } from 'aws-cdk-lib/aws-glue';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { HISTORY_COLUMNS, SAVED_QUERIES } from './findings-history-queries';

export interface FindingsHistoryProps {
  /** The findings bucket. */
  readonly bucket: IBucket;
  /** The bucket's key: query results are encrypted with it too. */
  readonly key: IKey;
  /** Glue database name (lower case, underscores). @default 'mk8s_audit' */
  readonly databaseName?: string;
  /** First day partition projection covers. @default '2026-01-01' */
  readonly firstDate?: string;
  /** Bytes one query may scan before Athena cancels it. @default 10 GiB */
  readonly bytesScannedCutoffPerQuery?: number;
}

/** Where publish writes the JSON Lines (`pipeline/keys.ts` FINDINGS_HISTORY_PREFIX). */
export const FINDINGS_HISTORY_PREFIX = 'findings-history/';
/** Where the workgroup writes query results. */
export const ATHENA_RESULTS_PREFIX = 'athena-results/';

/**
 * Athena over the findings history: a Glue database and a `findings` table over
 * `findings-history/date=YYYY-MM-DD/run=<id>.jsonl`, partitioned by `run_date` with partition
 * projection (no crawler, no MSCK REPAIR: every day from `firstDate` to today is a partition),
 * an encrypted workgroup, and saved queries.
 */
export class FindingsHistory extends Construct {
  public readonly databaseName: string;
  public readonly tableName = 'findings';
  public readonly workGroup: CfnWorkGroup;
  public readonly queries: CfnNamedQuery[];

  public constructor(scope: Construct, id: string, props: FindingsHistoryProps) {
    super(scope, id);
    const account = Stack.of(this).account;
    this.databaseName = props.databaseName ?? 'mk8s_audit';
    const location = `s3://${props.bucket.bucketName}/${FINDINGS_HISTORY_PREFIX}`;

    const database = new CfnDatabase(this, 'Database', {
      catalogId: account,
      databaseInput: {
        name: this.databaseName,
        description: 'mk8s-audit: the findings of every audit run',
      },
    });

    const table = new CfnTable(this, 'Table', {
      catalogId: account,
      databaseName: this.databaseName,
      tableInput: {
        name: this.tableName,
        description: 'One row per result per run (JSON Lines written by the publish step)',
        tableType: 'EXTERNAL_TABLE',
        parameters: {
          classification: 'json',
          'projection.enabled': 'true',
          'projection.run_date.type': 'date',
          'projection.run_date.format': 'yyyy-MM-dd',
          'projection.run_date.range': `${props.firstDate ?? '2026-01-01'},NOW`,
          'projection.run_date.interval': '1',
          'projection.run_date.interval.unit': 'DAYS',
          'storage.location.template': `${location}date=\${run_date}/`,
        },
        partitionKeys: [{ name: 'run_date', type: 'string', comment: 'YYYY-MM-DD of the run' }],
        storageDescriptor: {
          location,
          inputFormat: 'org.apache.hadoop.mapred.TextInputFormat',
          outputFormat: 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat',
          serdeInfo: { serializationLibrary: 'org.openx.data.jsonserde.JsonSerDe' },
          columns: HISTORY_COLUMNS.map((c) => ({ ...c })),
        },
      },
    });
    table.addDependency(database);

    this.workGroup = new CfnWorkGroup(this, 'WorkGroup', {
      name: `${this.databaseName.replaceAll('_', '-')}-history`,
      description: 'mk8s-audit: queries over the findings history',
      state: 'ENABLED',
      recursiveDeleteOption: true,
      workGroupConfiguration: {
        enforceWorkGroupConfiguration: true,
        publishCloudWatchMetricsEnabled: true,
        bytesScannedCutoffPerQuery: props.bytesScannedCutoffPerQuery ?? 10 * 1024 ** 3,
        engineVersion: { selectedEngineVersion: 'Athena engine version 3' },
        resultConfiguration: {
          outputLocation: `s3://${props.bucket.bucketName}/${ATHENA_RESULTS_PREFIX}`,
          encryptionConfiguration: { encryptionOption: 'SSE_KMS', kmsKey: props.key.keyArn },
        },
      },
    });

    const tableRef = `"${this.databaseName}"."${this.tableName}"`;
    this.queries = SAVED_QUERIES.map((q) => {
      const query = new CfnNamedQuery(this, q.id, {
        name: q.name,
        description: q.description,
        database: this.databaseName,
        workGroup: this.workGroup.ref,
        queryString: q.sql(tableRef),
      });
      query.addDependency(table);
      return query;
    });
  }
}
