import { describe, expect, it } from 'vitest';
import type { EksSnapshot } from '../../../../core/snapshot-eks';
import { eksExportReader } from '../../../../providers/aws/eks-export';
import { ExportFormatError } from '../../../../providers/export-reader';
import { fixture } from '../../../fixture';

type Json = Record<string, unknown>;
const describeOutput = () => fixture<{ cluster: Json }>('aws/eks/describe-cluster.json');
const read = (json: unknown) => eksExportReader.read(json, 'in.json') as EksSnapshot[];

describe('eksExportReader', () => {
  it('reads `aws eks describe-cluster` output with every part not collected', () => {
    const json = describeOutput();
    expect(eksExportReader.detect(json)).toBe(true);
    const [snapshot, ...rest] = read(json);
    expect(rest).toEqual([]);
    expect(snapshot?.provider).toBe('eks');
    expect(snapshot?.ref).toEqual({
      id: 'arn:aws:eks:us-east-2:111122223333:cluster/my-eks-cluster',
      name: 'my-eks-cluster',
      account: '111122223333',
      region: 'us-east-2',
    });
    expect(snapshot?.source).toEqual({
      kind: 'export',
      file: 'in.json',
      format: 'aws-eks-describe-cluster',
    });
    // The object is kept as exported.
    expect(snapshot?.cluster).toEqual(json.cluster);
    expect(snapshot?.parts.nodegroups).toEqual({
      state: 'not_collected',
      reason:
        'a DescribeCluster export does not contain nodegroups (eks:ListNodegroups, eks:DescribeNodegroup)',
    });
    expect(snapshot?.parts.clusterVersions.state).toBe('not_collected');
  });

  it('reads a bare Cluster object', () => {
    const bare = describeOutput().cluster;
    expect(eksExportReader.detect(bare)).toBe(true);
    expect(read(bare)[0]?.cluster).toEqual(bare);
  });

  it('reads a list mixing both shapes, in order', () => {
    const a = describeOutput();
    const b = describeOutput().cluster;
    b['name'] = 'other';
    b['arn'] = 'arn:aws:eks:eu-west-1:444455556666:cluster/other';
    const list = [a, b];
    expect(eksExportReader.detect(list)).toBe(true);
    expect(read(list).map((s) => s.ref)).toEqual([
      expect.objectContaining({ name: 'my-eks-cluster', region: 'us-east-2' }),
      expect.objectContaining({ name: 'other', account: '444455556666', region: 'eu-west-1' }),
    ]);
  });

  it('turns epoch timestamps (seconds or milliseconds) into ISO strings and keeps ISO strings', () => {
    const seconds = describeOutput();
    seconds.cluster['createdAt'] = 1710430304.348;
    expect(read(seconds)[0]?.cluster.createdAt).toBe('2024-03-14T15:31:44.348Z');

    const millis = describeOutput();
    millis.cluster['createdAt'] = 1710430304348;
    expect(read(millis)[0]?.cluster.createdAt).toBe('2024-03-14T15:31:44.348Z');

    expect(read(describeOutput())[0]?.cluster.createdAt).toBe('2024-03-14T11:31:44.348000-04:00');

    const connector = describeOutput();
    connector.cluster['connectorConfig'] = { activationExpiry: 1710430304 };
    expect(read(connector)[0]?.cluster.connectorConfig?.activationExpiry).toBe(
      '2024-03-14T15:31:44.000Z',
    );
  });

  it('names the cluster and field of a timestamp that is not one', () => {
    const json = describeOutput();
    json.cluster['createdAt'] = 'yesterday';
    expect(() => read(json)).toThrow(
      new ExportFormatError(
        'cluster (cluster my-eks-cluster): createdAt: "yesterday" is not a timestamp',
      ),
    );
  });

  it('names an epoch number beyond the range of a date as not a timestamp', () => {
    // Found by the export-readers property test: seconds × 1000 left the Date range and
    // toISOString threw a RangeError instead of the reader's own error.
    for (const value of [-8640000000000.001, 9e15]) {
      const json = describeOutput();
      json.cluster['createdAt'] = value;
      expect(() => read(json)).toThrow(
        new ExportFormatError(
          `cluster (cluster my-eks-cluster): createdAt: ${value} is not a timestamp`,
        ),
      );
    }
  });

  it('names the item and the path of a value of the wrong type', () => {
    const good = describeOutput();
    const bad = describeOutput();
    (bad.cluster['resourcesVpcConfig'] as Json)['endpointPublicAccess'] = 'yes';
    expect(() => read([good, bad])).toThrow(/^item 2: resourcesVpcConfig\.endpointPublicAccess: /);
    bad.cluster['logging'] = { clusterLogging: { types: ['api'] } };
    expect(() => read(bad)).toThrow(/cluster: .*logging\.clusterLogging: /);
  });

  it('keeps a field the API always returns absent when the export lacks it', () => {
    const json = describeOutput();
    delete json.cluster['accessConfig'];
    expect(read(json)[0]?.cluster.accessConfig).toBeUndefined();
  });

  it('does not claim other JSON', () => {
    for (const other of [
      null,
      42,
      'text',
      [],
      {},
      fixture('aws/eks/list-clusters.json'),
      fixture('aws/eks/describe-nodegroup.json'),
      { cluster: { name: 'x' } },
      [describeOutput(), { name: 'gke', location: 'europe-west1', nodePools: [] }],
      { name: 'projects/p/locations/l/clusters/c', selfLink: 'https://container.googleapis.com' },
      {
        id: '/subscriptions/s/resourceGroups/r/providers/Microsoft.ContainerService/managedClusters/c',
        name: 'c',
        properties: {},
      },
    ]) {
      expect(eksExportReader.detect(other), JSON.stringify(other)).toBe(false);
    }
  });
});
