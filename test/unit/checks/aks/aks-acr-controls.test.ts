import { describe, expect, it } from 'vitest';
import { aksAcrControls as check } from '../../../../checks/aks/aks-acr-controls';
import { collected } from '../../../../core/snapshot';
import type { AzureContainerRegistry } from '../../../../core/snapshot-aks';
import { aksSnapshot, evaluateAks } from '../../../builders/aks';

const run = (registries: AzureContainerRegistry[]) =>
  evaluateAks(
    check,
    aksSnapshot(undefined, {
      containerRegistries: collected(registries, ['containerregistry:Registries.Get']),
    }),
  );

describe('aks-acr-controls', () => {
  it('passes a private registry without admin user, fails an open one, per registry', () => {
    const results = run([
      {
        id: '/r/good',
        name: 'good',
        properties: {
          adminUserEnabled: false,
          publicNetworkAccess: 'Disabled',
          privateEndpointConnections: [{ id: 'pe' }],
        },
      },
      { id: '/r/bad', name: 'bad', properties: { adminUserEnabled: true } },
    ]);
    expect(results.map((r) => [r.subject?.name, r.status])).toEqual([
      ['good', 'pass'],
      ['bad', 'fail'],
    ]);
    expect(results[1]?.message).toContain('admin user is enabled');
  });
  it('is not applicable when the cluster pulls from no Azure registry', () => {
    expect(run([]).map((r) => r.status)).toEqual(['not_applicable']);
  });
  it('is unknown offline', () => {
    expect(evaluateAks(check, aksSnapshot()).map((r) => r.status)).toEqual(['unknown']);
  });
});
