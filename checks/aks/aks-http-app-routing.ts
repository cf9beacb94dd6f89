import type { AksCheck } from '../../core/check';
import { ev, fail, pass } from '../../core/outcome';
import { addonPath, findAddon } from './support/addons';

export const aksHttpAppRouting: AksCheck = {
  meta: {
    id: 'aks-http-app-routing',
    provider: 'aks',
    title: 'AKS HTTP application routing add-on is disabled',
    severity: 'low',
    family: 'non-production-addons',
    categories: ['network'],
    risk: 'The HTTP application routing add-on is meant for development: it publishes services on public DNS names without TLS and is retired in favour of the application routing (managed NGINX) feature.',
    remediation: {
      summary:
        'Disable the add-on and publish services through the application routing add-on or your own ingress controller.',
      cli: 'az aks disable-addons --resource-group <rg> --name <cluster> --addons http_application_routing',
      iac: 'Bicep: properties.addonProfiles.httpApplicationRouting.enabled: false; Terraform azurerm_kubernetes_cluster: http_application_routing_enabled = false',
      url: 'https://learn.microsoft.com/azure/aks/http-application-routing',
    },
    frameworks: {},
    reads: ['containerservice:ManagedClusters.List'],
  },
  evaluate({ cluster, ref }) {
    const addon = findAddon(cluster, 'httpApplicationRouting');
    if (!addon) {
      // No addon profile: the add-on was never enabled.
      return pass(`Cluster ${ref.name} has no HTTP application routing add-on.`, [
        ev(addonPath('httpApplicationRouting'), undefined),
      ]);
    }
    const evidence = [ev(addonPath(addon.key, 'enabled'), addon.profile.enabled)];
    return addon.profile.enabled === true
      ? fail(`Cluster ${ref.name} has the HTTP application routing add-on enabled.`, evidence)
      : pass(`Cluster ${ref.name} has the HTTP application routing add-on disabled.`, evidence);
  },
};
