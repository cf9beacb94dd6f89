import { describe, expect, it } from 'vitest';
import { aksNodeNsgOpen as check } from '../../../../checks/aks/aks-node-nsg-open';
import { collected } from '../../../../core/snapshot';
import type { AzureNetworkSecurityGroup, AzureSecurityRule } from '../../../../core/snapshot-aks';
import { aksSnapshot, evaluateAksOne } from '../../../builders/aks';

/** A security rule as `Microsoft.Network/networkSecurityGroups` returns it (2024-05-01). */
function rule(name: string, source: string, port = '*'): AzureSecurityRule {
  return {
    name,
    properties: {
      access: 'Allow',
      direction: 'Inbound',
      priority: 500,
      protocol: 'Tcp',
      sourceAddressPrefix: source,
      destinationPortRange: port,
    },
  };
}
const status = (rules: AzureSecurityRule[]) => {
  const nsg: AzureNetworkSecurityGroup = {
    name: 'aks-agentpool-123-nsg',
    properties: { securityRules: rules },
  };
  return evaluateAksOne(
    check,
    aksSnapshot(undefined, {
      networkSecurityGroups: collected([nsg], ['network:NetworkSecurityGroups.List']),
    }),
  );
};

describe('aks-node-nsg-open', () => {
  it('passes rules written for LoadBalancer services and rules from private sources', () => {
    expect(
      status([
        rule('a0123456789abcdef0123456789abcdef-TCP-80-Internet', 'Internet', '80'),
        rule('k8s-azure-lb_allow_IPv4_abc', 'Internet', '443'),
        rule('vnet', '10.0.0.0/8'),
      ]).status,
    ).toBe('pass');
  });
  it('fails a hand-written rule open to the internet', () => {
    const r = status([rule('allow-ssh', '*', '22')]);
    expect(r.status).toBe('fail');
    expect(r.message).toContain('allow-ssh (ports 22)');
  });
  it('is unknown offline', () => {
    expect(evaluateAksOne(check, aksSnapshot()).status).toBe('unknown');
  });
});
