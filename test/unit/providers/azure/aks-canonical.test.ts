import { describe, expect, it } from 'vitest';
import { canonicalManagedCluster } from '../../../../providers/azure/aks-canonical';
import { ExportFormatError } from '../../../../providers/export-reader';
import { armClusterExample, azClusterExample } from '../../../builders/aks';
import { fixture } from '../../../fixture';

describe('canonicalManagedCluster', () => {
  it('turns the ARM and the az spelling of one cluster into the same object', () => {
    expect(canonicalManagedCluster(azClusterExample())).toEqual({
      ...canonicalManagedCluster(armClusterExample()),
      resourceGroup: 'rg1', // az adds it; not an ARM property
    });
  });

  it('flattens properties and uses the SDK spelling of every folded key', () => {
    const c = canonicalManagedCluster(armClusterExample());
    expect(c).not.toHaveProperty('properties');
    expect(c.enableRbac).toBe(false);
    expect(c.azurePortalFqdn).toBe('dnsprefix1-abcd1234.portal.hcp.eastus.azmk8s.io');
    expect(c.diskEncryptionSetID).toMatch(/diskEncryptionSets\/des$/);
    expect(c.networkProfile?.dnsServiceIP).toBe('10.0.0.10');
    expect(c.agentPoolProfiles?.[0]?.name).toBe('nodepool1');
  });

  it('folds az keys (authorizedIpRanges, enableNodePublicIp, enableAzureRbac) onto the SDK names', () => {
    const az = azClusterExample();
    az['apiServerAccessProfile'] = {
      authorizedIpRanges: ['203.0.113.0/24'],
      enablePrivateCluster: null,
    };
    az['aadProfile'] = {
      managed: true,
      enableAzureRbac: true,
      adminGroupObjectIDs: ['g1'],
      tenantId: 't',
    };
    (az['agentPoolProfiles'] as Record<string, unknown>[])[0]!['enableNodePublicIp'] = true;
    const c = canonicalManagedCluster(az);
    expect(c.apiServerAccessProfile).toEqual({ authorizedIPRanges: ['203.0.113.0/24'] });
    expect(c.aadProfile?.enableAzureRbac).toBe(true);
    expect(c.agentPoolProfiles?.[0]?.enableNodePublicIP).toBe(true);
  });

  it("folds ARM's kebab-case autoscaler settings onto the SDK's camelCase", () => {
    const c = canonicalManagedCluster(fixture('azure/aks/managed-cluster-private.json'));
    expect(c.autoScalerProfile).toEqual({ scaleDownDelayAfterAdd: '15m', scanInterval: '20s' });
  });

  it('keeps map keys as they are: tags, addon names, addon config, identity profile', () => {
    const arm = armClusterExample();
    const props = arm['properties'] as Record<string, unknown>;
    arm['tags'] = { EnableRBAC: 'tag-value' };
    props['addonProfiles'] = {
      omsAgent: { enabled: true, config: { logAnalyticsWorkspaceResourceID: '/w' } },
    };
    props['identityProfile'] = {
      kubeletidentity: { objectId: 'o', clientId: 'c', resourceId: '/r' },
    };
    const c = canonicalManagedCluster(arm);
    expect(c.tags).toEqual({ EnableRBAC: 'tag-value' });
    expect(c.addonProfiles).toEqual({
      omsAgent: { enabled: true, config: { logAnalyticsWorkspaceResourceID: '/w' } },
    });
    expect(c.identityProfile?.['kubeletidentity']?.objectId).toBe('o');
  });

  it('names the field at fault in a malformed object', () => {
    const arm = armClusterExample();
    delete arm['location'];
    expect(() => canonicalManagedCluster(arm, 'value[3]')).toThrow(ExportFormatError);
    expect(() => canonicalManagedCluster(arm, 'value[3]')).toThrow(/value\[3\].*"location"/);
    expect(() => canonicalManagedCluster({ ...armClusterExample(), properties: 'x' })).toThrow(
      /"properties" must be an object/,
    );
  });
});
