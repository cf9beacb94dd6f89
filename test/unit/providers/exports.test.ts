import { describe, expect, it } from 'vitest';
import type { ClusterSnapshot } from '../../../core/snapshot';
import type { EksSnapshot } from '../../../core/snapshot-eks';
import { ExportFormatError } from '../../../providers/export-reader';
import { EXPORT_READERS, readExport } from '../../../providers/exports';
import { toSnapshotFile } from '../../../providers/snapshot-file';
import { eksSnapshot } from '../../builders/eks';
import { fixture } from '../../fixture';

/** A snapshot as the collector writes it: every part present, one collected. */
function collectedSnapshot(): EksSnapshot {
  const nodegroup = fixture<{ nodegroup: Record<string, unknown> }>(
    'aws/eks/describe-nodegroup.json',
  ).nodegroup;
  const s = eksSnapshot(undefined, {
    nodegroups: {
      state: 'collected',
      value: [nodegroup],
      operations: ['eks:ListNodegroups', 'eks:DescribeNodegroup'],
    },
  });
  return { ...s, source: { kind: 'api', collectedAt: '2026-11-28T10:00:00.000Z' } };
}

describe('readExport', () => {
  it('reads an EKS export through its reader', () => {
    const [s] = readExport(fixture('aws/eks/describe-cluster.json'), 'a.json');
    expect(s?.source).toEqual({
      kind: 'export',
      file: 'a.json',
      format: 'aws-eks-describe-cluster',
    });
  });

  it('reads the snapshot file back exactly as written', () => {
    const snapshot = collectedSnapshot();
    const file = JSON.parse(JSON.stringify(toSnapshotFile([snapshot])));
    expect(file).toMatchObject({ format: 'mk8s-audit-snapshot', version: 1 });
    expect(readExport(file, 'snap.json')).toEqual([snapshot]);
  });

  it('marks parts an older snapshot file lacks as not collected', () => {
    const snapshot = collectedSnapshot() as ClusterSnapshot;
    const { clusterVersions: _dropped, ...parts } = (snapshot as EksSnapshot).parts;
    const file = JSON.parse(
      JSON.stringify(toSnapshotFile([{ ...snapshot, parts } as EksSnapshot])),
    );
    const [read] = readExport(file, 'old.json') as EksSnapshot[];
    expect(read?.parts.nodegroups.state).toBe('collected');
    expect(read?.parts.clusterVersions).toEqual({
      state: 'not_collected',
      reason: 'the snapshot file does not contain clusterVersions (eks:DescribeClusterVersions)',
    });
  });

  it('names the file and the bad key of an invalid snapshot file', () => {
    const file = JSON.parse(JSON.stringify(toSnapshotFile([collectedSnapshot()])));
    file.clusters[0].parts.nodegroups = { state: 'lost' };
    expect(() => readExport(file, 'snap.json')).toThrow(
      /^snap\.json: invalid mk8s-audit-snapshot input: not a valid snapshot file: clusters\.0\.parts\.nodegroups/,
    );
    expect(() =>
      readExport({ format: 'mk8s-audit-snapshot', version: 2, clusters: [] }, 'new.json'),
    ).toThrow(/^new\.json: .*version 2 is not supported/);
  });

  it('names the file when no reader knows the JSON', () => {
    for (const json of [{ hello: 'world' }, fixture('aws/eks/list-clusters.json'), 'text', null]) {
      expect(() => readExport(json, 'dir/x.json')).toThrow(ExportFormatError);
      expect(() => readExport(json, 'dir/x.json')).toThrow(
        /^dir\/x\.json: not a known export \(known formats: mk8s-audit-snapshot, aws-eks-describe-cluster/,
      );
    }
  });

  it('reads an empty list as no clusters', () => {
    expect(readExport([], 'empty.json')).toEqual([]);
  });

  it('lists readers whose formats are unique', () => {
    const formats = EXPORT_READERS.map((r) => r.format);
    expect(new Set(formats).size).toBe(formats.length);
  });
});
