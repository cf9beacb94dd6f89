import type { AksCheck } from '../../core/check';
import { ev, fail, pass, readPart } from '../../core/outcome';

const PATH = 'parts.defenderPricing';
/** Defender for Containers components that the plan can switch off one by one. */
const COMPONENTS = [
  'ContainerRegistriesVulnerabilityAssessments',
  'AgentlessDiscoveryForKubernetes',
  'ContainerSensor',
];

export const aksDefenderPlan: AksCheck = {
  meta: {
    id: 'aks-defender-plan',
    provider: 'aks',
    title: "The subscription's Defender for Containers plan is on with its components",
    severity: 'high',
    family: 'threat-detection',
    categories: ['logging', 'supply-chain'],
    risk: 'Without the Defender for Containers plan, images are not scanned for vulnerabilities and runtime and control-plane threats on the cluster raise no alert.',
    remediation: {
      summary:
        'Set the Containers plan to Standard on the subscription and keep its components (sensor, agentless discovery, vulnerability assessment) on.',
      cli: 'az security pricing create --name Containers --tier Standard',
      iac: 'Bicep: resource Microsoft.Security/pricings \'Containers\' properties.pricingTier: \'Standard\'; Terraform azurerm_security_center_subscription_pricing: tier = "Standard", resource_type = "Containers"',
      url: 'https://learn.microsoft.com/azure/defender-for-cloud/defender-for-containers-enable',
    },
    frameworks: { 'cis-aks-1.8.0': ['5.1.1'] },
    reads: ['security:Pricings.Get'],
  },
  evaluate({ parts, ref }) {
    const read = readPart(
      parts.defenderPricing,
      `The Defender for Containers plan of subscription ${ref.account}`,
      PATH,
    );
    if (!read.ok) return read.outcome;
    const props = read.value.properties ?? {};
    const evidence = [
      ev(`${PATH}.properties.pricingTier`, props.pricingTier),
      ev(`${PATH}.properties.extensions`, props.extensions),
    ];
    if (props.pricingTier !== 'Standard') {
      return fail(
        `Subscription ${ref.account} (cluster ${ref.name}) has the Defender for Containers plan at ${props.pricingTier ?? 'no'} tier.`,
        evidence,
      );
    }
    const off = (props.extensions ?? [])
      .filter(
        (x) => x.name && COMPONENTS.includes(x.name) && x.isEnabled?.toLowerCase() === 'false',
      )
      .map((x) => x.name);
    return off.length === 0
      ? pass(
          `Subscription ${ref.account} (cluster ${ref.name}) has Defender for Containers on.`,
          evidence,
        )
      : fail(
          `Subscription ${ref.account} (cluster ${ref.name}) has Defender for Containers on with component(s) off: ${off.join(', ')}.`,
          evidence,
        );
  },
};
