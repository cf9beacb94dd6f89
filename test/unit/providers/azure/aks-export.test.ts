import { describe, expect, it } from 'vitest';
import { aksExportReader } from '../../../../providers/azure/aks-export';
import { ExportFormatError } from '../../../../providers/export-reader';
import { armClusterExample, azClusterExample } from '../../../builders/aks';
import { fixture } from '../../../fixture';

const ID =
  '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ContainerService/managedClusters/clustername1';

describe('aksExportReader', () => {
  it('reads one ARM ManagedCluster with id, subscription and location as its reference', () => {
    const json = armClusterExample();
    expect(aksExportReader.detect(json)).toBe(true);
    const [snap, ...rest] = aksExportReader.read(json, 'c.json');
    expect(rest).toEqual([]);
    expect(snap?.ref).toEqual({
      id: ID,
      name: 'clustername1',
      account: '00000000-0000-0000-0000-000000000000',
      region: 'location1',
    });
    expect(snap?.source).toEqual({
      kind: 'export',
      file: 'c.json',
      format: 'azure-aks-managed-cluster-arm',
    });
    expect(snap?.provider).toBe('aks');
    if (snap?.provider === 'aks') expect(snap.parts.diagnosticSettings.state).toBe('not_collected');
  });

  it('reads an ARM list, az aks show and az aks list', () => {
    const list = fixture('azure/aks/managed-clusters-list.json');
    expect(aksExportReader.detect(list)).toBe(true);
    expect(aksExportReader.read(list, 'l.json').map((s) => s.ref.name)).toEqual(['clustername1']);

    const show = azClusterExample();
    expect(aksExportReader.detect(show)).toBe(true);
    const [fromAz] = aksExportReader.read(show, 's.json');
    expect(fromAz?.source).toMatchObject({ format: 'azure-aks-managed-cluster-flattened' });
    expect(fromAz?.ref.id).toBe(ID);

    const azList = [azClusterExample(), armClusterExample()];
    expect(aksExportReader.detect(azList)).toBe(true);
    expect(aksExportReader.read(azList, 'a.json')).toHaveLength(2);
  });

  it('does not claim other clouds or other ARM resources', () => {
    expect(aksExportReader.detect({ cluster: { name: 'x', arn: 'arn:aws:eks:...' } })).toBe(false);
    expect(aksExportReader.detect([])).toBe(false);
    expect(
      aksExportReader.detect([
        {
          id: '/subscriptions/s/resourceGroups/r/providers/Microsoft.Compute/virtualMachines/v',
          type: 'Microsoft.Compute/virtualMachines',
        },
      ]),
    ).toBe(false);
    expect(aksExportReader.detect({ value: [{ type: 'Microsoft.Compute/virtualMachines' }] })).toBe(
      false,
    );
  });

  it('names the list item at fault', () => {
    const bad = armClusterExample();
    delete bad['name'];
    expect(() => aksExportReader.read({ value: [armClusterExample(), bad] }, 'l.json')).toThrow(
      ExportFormatError,
    );
    expect(() => aksExportReader.read({ value: [armClusterExample(), bad] }, 'l.json')).toThrow(
      /value\[1\]/,
    );
  });
});

describe('readExport with the AKS reader registered', () => {
  it('reads an ARM list and az aks list output through the shared reader list', async () => {
    const { readExport } = await import('../../../../providers/exports');
    expect(readExport(fixture('azure/aks/managed-clusters-list.json'), 'l.json')[0]?.provider).toBe(
      'aks',
    );
    expect(readExport([azClusterExample()], 'a.json')[0]?.ref.name).toBe('clustername1');
  });
});
