import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AksSnapshot } from '../../../core/snapshot-aks';
import { toWire } from '../../../core/wire';
import { canonicalManagedCluster } from '../../../providers/azure/aks-canonical';
import { createAzureCollector } from '../../../providers/azure/collector';
import { aksClient, fakeAzureCredential } from '../../../sandbox/clients';
import { type Sandbox, startSandbox } from '../../../sandbox/server';
import { armCluster, SUB } from './aks-estate';

/*
 * The collector reads ManagedClusters, their maintenance configurations and the location's
 * Kubernetes versions with plain ARM REST; the snapshot must hold what
 * `@azure/arm-containerservice` gives for the same responses (flattened `properties`, only the
 * model's fields, `Date` fields written back by JSON). Every `Date` field of these models is set
 * here, in ARM's own formats (7-digit fractions, date-only `startDate` and `notAllowedDates`).
 */
const cluster = armCluster('managed-cluster-get.json', 'aks-dates', 'rg1', (p) => {
  p['upgradeSettings'] = {
    overrideSettings: { forceUpgrade: true, until: '2026-03-01T13:00:00.1234567Z' },
  };
});
const withSystemData = {
  ...cluster,
  systemData: {
    createdBy: 'someone@example.com',
    createdByType: 'User',
    createdAt: '2025-01-02T03:04:05.6789012Z',
    lastModifiedBy: 'someone@example.com',
    lastModifiedByType: 'User',
    lastModifiedAt: '2025-02-03T04:05:06Z',
  },
};
const maintenance = [
  {
    id: `${cluster.id}/maintenanceConfigurations/aksManagedAutoUpgradeSchedule`,
    name: 'aksManagedAutoUpgradeSchedule',
    type: 'Microsoft.ContainerService/managedClusters/maintenanceConfigurations',
    systemData: { createdAt: '2025-01-02T03:04:05.1Z', createdByType: 'User' },
    properties: {
      maintenanceWindow: {
        schedule: { weekly: { intervalWeeks: 1, dayOfWeek: 'Sunday' } },
        durationHours: 4,
        utcOffset: '+05:30',
        startDate: '2025-01-05',
        startTime: '02:00',
        notAllowedDates: [{ start: '2025-12-23', end: '2026-01-05' }],
      },
    },
  },
  {
    id: `${cluster.id}/maintenanceConfigurations/default`,
    name: 'default',
    properties: {
      timeInWeek: [{ day: 'Saturday', hourSlots: [0, 1, 2] }],
      notAllowedTime: [{ start: '2025-11-26T03:00:00Z', end: '2025-11-30T12:00:00.5Z' }],
    },
  },
  { id: `${cluster.id}/maintenanceConfigurations/empty`, name: 'empty', properties: {} },
];
const kubernetesVersions = {
  values: [
    {
      version: '1.33',
      capabilities: { supportPlan: ['KubernetesOfficial', 'AKSLongTermSupport'] },
      isPreview: false,
      patchVersions: { '1.33.1': { upgrades: ['1.33.2', '1.34.0'] }, '1.33.2': { upgrades: [] } },
    },
    { version: '1.34', isDefault: true, capabilities: { supportPlan: ['KubernetesOfficial'] } },
  ],
};

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({
    estate: {
      azure: {
        subscriptions: {
          [SUB]: {
            displayName: 'prod',
            resourceGroups: [{ name: 'rg1', location: 'westeurope' }],
            managedClusters: [
              { cluster: withSystemData, related: { maintenanceConfigurations: maintenance } },
            ],
            related: { kubernetesVersions },
          },
        },
      },
    },
  });
});
afterAll(async () => {
  await sb.stop();
});

describe('AKS objects read with ARM REST', () => {
  it('have the shapes the SDK gives for the same responses', async () => {
    const collected = await createAzureCollector({
      endpoint: sb.url,
      credential: fakeAzureCredential,
      maxRetries: 0,
    }).collect({ cloud: 'azure', subscription: SUB });
    expect(collected.errors).toEqual([]);
    const [snapshot] = collected.snapshots as AksSnapshot[];
    if (!snapshot) throw new Error('no snapshot');

    const sdk = aksClient(sb.url, SUB);
    const sdkClusters = [];
    for await (const mc of sdk.managedClusters.list()) sdkClusters.push(mc);
    const sdkMaintenance = [];
    for await (const c of sdk.maintenanceConfigurations.listByManagedCluster('rg1', 'aks-dates'))
      sdkMaintenance.push(c);
    const sdkVersions = await sdk.managedClusters.listKubernetesVersions('westeurope');

    expect(sdkClusters).toHaveLength(1);
    expect(snapshot.cluster).toEqual(canonicalManagedCluster(toWire(sdkClusters[0])));
    expect(snapshot.cluster.systemData?.createdAt).toBe('2025-01-02T03:04:05.678Z');
    expect(snapshot.cluster.upgradeSettings?.overrideSettings?.until).toBe(
      '2026-03-01T13:00:00.123Z',
    );

    expect(snapshot.parts.maintenanceConfigurations).toEqual({
      state: 'collected',
      value: toWire(sdkMaintenance),
      operations: ['containerservice:MaintenanceConfigurations.ListByManagedCluster'],
    });
    const [window] = toWire(sdkMaintenance);
    expect(window?.maintenanceWindow?.startDate).toBe('2025-01-05T00:00:00.000Z');

    expect(snapshot.parts.kubernetesVersions).toEqual({
      state: 'collected',
      value: toWire(sdkVersions.values ?? []),
      operations: ['containerservice:ManagedClusters.ListKubernetesVersions'],
    });
  });
});
