import type { AksCheck, Outcome } from '../../core/check';
import { ev, fail, notApplicable, pass, readPart } from '../../core/outcome';

const PATH = 'parts.containerRegistries';

export const aksAcrControls: AksCheck = {
  meta: {
    id: 'aks-acr-controls',
    provider: 'aks',
    title: 'Registries the AKS cluster pulls from have no admin user and no public access',
    severity: 'medium',
    family: 'registry-access',
    categories: ['supply-chain', 'network'],
    risk: 'A registry admin user is a shared password with push rights; a publicly reachable registry without private link lets stolen credentials push poisoned images from anywhere.',
    remediation: {
      summary:
        'Disable the admin user, disable public network access and reach the registry through a private endpoint; pull with the kubelet identity (AcrPull).',
      cli: 'az acr update --name <registry> --admin-enabled false --public-network-enabled false; az network private-endpoint create ... --group-id registry',
      iac: "Bicep: Microsoft.ContainerRegistry/registries properties.adminUserEnabled: false, publicNetworkAccess: 'Disabled'; Terraform azurerm_container_registry: admin_enabled = false, public_network_access_enabled = false",
      url: 'https://learn.microsoft.com/azure/container-registry/container-registry-private-link',
    },
    frameworks: { 'cis-aks-1.8.0': ['5.1.2'] },
    reads: ['containerregistry:Registries.Get'],
  },
  evaluate({ parts, ref }) {
    const read = readPart(
      parts.containerRegistries,
      `Container registries of cluster ${ref.name}`,
      PATH,
    );
    if (!read.ok) return read.outcome;
    if (read.value.length === 0) {
      return notApplicable(
        `Cluster ${ref.name}: its kubelet identity holds no role on an Azure container registry.`,
        [ev(PATH, [])],
      );
    }
    return read.value.map((registry, i): Outcome => {
      const p = registry.properties ?? {};
      const name = registry.name ?? `registry-${i}`;
      const subject = { type: 'container-registry', id: registry.id ?? name, name };
      const evidence = [
        ev(`${PATH}[${i}].properties.adminUserEnabled`, p.adminUserEnabled),
        ev(`${PATH}[${i}].properties.publicNetworkAccess`, p.publicNetworkAccess),
        ev(`${PATH}[${i}].properties.privateEndpointConnections`, p.privateEndpointConnections),
      ];
      const problems: string[] = [];
      if (p.adminUserEnabled === true) problems.push('the admin user is enabled');
      // publicNetworkAccess defaults to Enabled.
      if (p.publicNetworkAccess !== 'Disabled')
        problems.push(`public network access is ${p.publicNetworkAccess ?? 'Enabled (default)'}`);
      if ((p.privateEndpointConnections ?? []).length === 0)
        problems.push('it has no private endpoint');
      return problems.length === 0
        ? pass(
            `Registry ${name} used by cluster ${ref.name} has no admin user and is reachable only privately.`,
            evidence,
            subject,
          )
        : fail(
            `Registry ${name} used by cluster ${ref.name}: ${problems.join('; ')}.`,
            evidence,
            subject,
          );
    });
  },
};
