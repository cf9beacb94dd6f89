import { describe, expect, it } from 'vitest';
import { AKS_CHECKS } from '../../../../checks/aks';
import { runChecks } from '../../../../core/run-checks';
import { aksExportReader } from '../../../../providers/azure/aks-export';
import { aksContext, armClusterExample, azClusterExample } from '../../../builders/aks';

/** Findings without provenance (the two inputs differ only in file and format). */
function findingsOf(json: unknown) {
  return runChecks(AKS_CHECKS, aksExportReader.read(json, 'x.json'), aksContext()).map(
    ({ source: _source, ...rest }) => rest,
  );
}

describe('both spellings of a ManagedCluster', () => {
  it('give identical findings for every AKS check (ARM REST vs az aks show)', () => {
    const arm = findingsOf(armClusterExample());
    const az = findingsOf(azClusterExample());
    expect(arm.length).toBeGreaterThanOrEqual(AKS_CHECKS.length);
    expect(az).toEqual(arm);
  });

  it('give identical findings for a richly configured cluster', () => {
    const arm = armClusterExample();
    const p = arm['properties'] as Record<string, unknown>;
    p['enableRBAC'] = true;
    p['aadProfile'] = {
      managed: true,
      enableAzureRBAC: true,
      adminGroupObjectIDs: ['g'],
      tenantID: 't',
    };
    p['apiServerAccessProfile'] = {
      authorizedIPRanges: ['0.0.0.0/0'],
      enablePrivateClusterPublicFQDN: false,
    };
    p['addonProfiles'] = {
      omsagent: { enabled: true, config: { logAnalyticsWorkspaceResourceID: '/w' } },
    };
    const pool = (p['agentPoolProfiles'] as Record<string, unknown>[])[0]!;
    Object.assign(pool, {
      enableNodePublicIP: true,
      enableFIPS: true,
      securityProfile: { enableVTPM: true, enableSecureBoot: true, sshAccess: 'Disabled' },
    });
    // The az spelling of the same settings.
    const az = azClusterExample();
    Object.assign(az, {
      enableRbac: true,
      aadProfile: {
        managed: true,
        enableAzureRbac: true,
        adminGroupObjectIDs: ['g'],
        tenantId: 't',
      },
      apiServerAccessProfile: {
        authorizedIpRanges: ['0.0.0.0/0'],
        enablePrivateClusterPublicFqdn: false,
        disableRunCommand: null,
      },
      addonProfiles: {
        omsAgent: {
          enabled: true,
          config: { logAnalyticsWorkspaceResourceID: '/w' },
          identity: null,
        },
      },
    });
    const azPool = (az['agentPoolProfiles'] as Record<string, unknown>[])[0]!;
    Object.assign(azPool, {
      enableNodePublicIp: true,
      enableFips: true,
      securityProfile: { enableVtpm: true, enableSecureBoot: true, sshAccess: 'Disabled' },
    });
    const fromArm = findingsOf(arm).map(({ checkId, status, message, subject }) => ({
      checkId,
      status,
      message,
      subject,
    }));
    const fromAz = findingsOf(az).map(({ checkId, status, message, subject }) => ({
      checkId,
      status,
      message,
      subject,
    }));
    // Addon key spelling differs on purpose (omsagent/omsAgent); evidence paths name it as given.
    expect(fromAz).toEqual(fromArm);
    const byId = Object.fromEntries(fromArm.map((f) => [f.checkId, f.status]));
    expect(byId).toMatchObject({
      'aks-kubernetes-rbac': 'pass',
      'aks-azure-rbac': 'pass',
      'aks-entra-integration': 'pass',
      'aks-authorized-ip-ranges': 'fail',
      'aks-container-insights': 'pass',
      'aks-node-public-ip': 'fail',
      'aks-node-hardening': 'pass',
      'aks-node-ssh': 'pass',
    });
  });
});
