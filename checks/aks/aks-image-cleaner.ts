import type { AksCheck } from '../../core/check';
import { ev, fail, pass } from '../../core/outcome';

const PATH = 'cluster.securityProfile.imageCleaner.enabled';

export const aksImageCleaner: AksCheck = {
  meta: {
    id: 'aks-image-cleaner',
    provider: 'aks',
    title: 'AKS Image Cleaner removes unused vulnerable images from nodes',
    severity: 'low',
    family: 'image-hygiene',
    categories: ['supply-chain'],
    risk: 'Stale images with known vulnerabilities stay cached on nodes and can be started again without a pull or a scan.',
    remediation: {
      summary: 'Enable Image Cleaner (Eraser) on the cluster.',
      cli: 'az aks update --resource-group <rg> --name <cluster> --enable-image-cleaner --image-cleaner-interval-hours 168',
      iac: 'Bicep: properties.securityProfile.imageCleaner: { enabled: true, intervalHours: 168 }; Terraform azurerm_kubernetes_cluster: image_cleaner_enabled = true',
      url: 'https://learn.microsoft.com/azure/aks/image-cleaner',
    },
    frameworks: {},
    reads: ['containerservice:ManagedClusters.List'],
  },
  evaluate({ cluster, ref }) {
    const value = cluster.securityProfile?.imageCleaner?.enabled;
    const evidence = [ev(PATH, value)];
    return value === true
      ? pass(`Cluster ${ref.name} runs Image Cleaner.`, evidence)
      : fail(`Cluster ${ref.name} does not run Image Cleaner.`, evidence);
  },
};
