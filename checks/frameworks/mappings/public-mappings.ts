import type { PublicMappingComparison } from './types';

/**
 * Published mappings of the same controls and where ours agrees or not. Sources:
 * - AWS Security Hub CSPM control reference (`eks-controls`), "Related requirements" of EKS.1 and
 *   EKS.2; NIST enhancements (`SC-7(3)`) are compared through their base control.
 * - Prowler `prowler/compliance/**` at commit 3e000faa3109. Prowler numbers PCI DSS 4.0 items
 *   `<requirement>.<n>` (`1.3.1.13` is requirement 1.3.1) and HIPAA `164_312_a_1`; both are given
 *   here in the standard's spelling. Where the catalog notes list only the first ids of a long
 *   list, `theirs` holds those ids and `note` says so.
 * Each comparison names the family (and our check) it is compared against; the catalog test
 * checks that every agreed id is in our mapping of that family and no disagreed one is.
 */
export interface FamilyComparison {
  family: string;
  /** Our check that corresponds to theirs. */
  check: string;
  comparison: PublicMappingComparison;
  note?: string;
}

const PHYSICAL =
  'Facility access controls are a physical safeguard; for a managed cluster the data centre is the provider’s side. Network exposure is technical access control, 164.312(a)(1).';
const RISK_MGMT =
  'Risk management is the program-level standard every safeguard serves; we cite it only where the check is the specific risk-reduction measure (patching, scanning), so the requirement view stays meaningful.';
const ENDPOINT_DEVICES = 'A.8.1 is user endpoint devices (laptops, phones), not an API endpoint.';
const REDUNDANCY =
  'A.8.14 is redundancy of processing facilities; exposure and segmentation are not redundancy.';
const NSC_FILES =
  'PCI DSS 1.2.8 asks that firewall configuration files be secured and consistent; it is not about what the rules allow.';
const OUTBOUND =
  'PCI DSS 1.3.2 is outbound traffic from the CDE; an endpoint allow-list restricts inbound traffic.';

export const PUBLIC_MAPPINGS: readonly FamilyComparison[] = [
  {
    family: 'api-endpoint-exposure',
    check: 'eks-endpoint-public-access',
    comparison: {
      source: 'AWS Security Hub EKS.1',
      framework: 'nist-800-53-r5',
      theirs: ['AC-21', 'AC-3', 'AC-4', 'AC-6', 'SC-7'],
      agreed: ['AC-3', 'AC-4', 'SC-7'],
      disagreed: [
        {
          requirement: 'AC-21',
          reason:
            'AC-21 (Information Sharing) governs decisions to share information with partners, not network reachability.',
        },
        {
          requirement: 'AC-6',
          reason:
            'Least privilege is about the rights of accounts; we map it to the admin-access and identity checks, not to a network boundary.',
        },
      ],
    },
  },
  {
    family: 'api-endpoint-exposure',
    check: 'eks-endpoint-public-access',
    comparison: {
      source: 'AWS Security Hub EKS.1',
      framework: 'pci-dss-4.0.1',
      theirs: ['1.4.4'],
      agreed: ['1.4.4'],
      disagreed: [],
    },
  },
  {
    family: 'supported-version',
    check: 'eks-supported-version',
    comparison: {
      source: 'AWS Security Hub EKS.2',
      framework: 'nist-800-53-r5',
      theirs: ['CA-9', 'CM-2', 'SI-2'],
      agreed: ['SI-2'],
      disagreed: [
        {
          requirement: 'CA-9',
          reason:
            'CA-9 (Internal System Connections) authorizes connections between components; it says nothing about versions.',
        },
        {
          requirement: 'CM-2',
          reason:
            'A version is part of a baseline, but support status is what SA-22 (Unsupported System Components) names; we cite SA-22.',
        },
      ],
    },
  },
  {
    family: 'api-endpoint-authorized-networks',
    check: 'eks-endpoint-public-cidrs-open',
    note: 'Prowler eks_cluster_not_publicly_accessible fails only on 0.0.0.0/0 in publicAccessCidrs, which is our CIDR check. The catalog notes list the first three of its six PCI DSS ids.',
    comparison: {
      source: 'Prowler pci_4.0_aws (eks_cluster_not_publicly_accessible)',
      framework: 'pci-dss-4.0.1',
      theirs: ['1.2.8', '1.3.1', '1.3.2'],
      agreed: ['1.3.1'],
      disagreed: [
        { requirement: '1.2.8', reason: NSC_FILES },
        { requirement: '1.3.2', reason: OUTBOUND },
      ],
    },
  },
  {
    family: 'api-endpoint-authorized-networks',
    check: 'eks-endpoint-public-cidrs-open',
    comparison: {
      source: 'Prowler iso27001_2022_aws (eks_cluster_not_publicly_accessible)',
      framework: 'iso-27001-2022',
      theirs: ['A.8.1'],
      agreed: [],
      disagreed: [{ requirement: 'A.8.1', reason: ENDPOINT_DEVICES }],
    },
  },
  {
    family: 'secrets-encryption',
    check: 'eks-secrets-encryption',
    note: 'Prowler’s check passes on any encryptionConfig; ours requires `secrets` in its resources.',
    comparison: {
      source: 'Prowler hipaa_aws (eks_cluster_kms_cmk_encryption_in_secrets_enabled)',
      framework: 'hipaa-security-rule',
      theirs: ['164.308(a)(4)(ii)(A)', '164.312(a)(2)(iv)', '164.312(e)(2)(ii)'],
      agreed: ['164.312(a)(2)(iv)'],
      disagreed: [
        {
          requirement: '164.308(a)(4)(ii)(A)',
          reason:
            'Isolating health care clearinghouse functions is an organizational requirement for clearinghouses, not encryption.',
        },
        {
          requirement: '164.312(e)(2)(ii)',
          reason:
            'That is encryption in transit; envelope encryption of Secrets is at rest, 164.312(a)(2)(iv).',
        },
      ],
    },
  },
  {
    family: 'secrets-encryption',
    check: 'eks-secrets-encryption',
    comparison: {
      source: 'Prowler iso27001_2022_aws (eks_cluster_kms_cmk_encryption_in_secrets_enabled)',
      framework: 'iso-27001-2022',
      theirs: ['A.8.11', 'A.8.24', 'A.8.5'],
      agreed: ['A.8.24'],
      disagreed: [
        {
          requirement: 'A.8.11',
          reason: 'Data masking (pseudonymization, redaction) is not encryption at rest.',
        },
        {
          requirement: 'A.8.5',
          reason:
            'Secure authentication is about log-on procedures; encrypting stored credentials is use of cryptography, A.8.24.',
        },
      ],
    },
  },
  {
    family: 'secrets-encryption',
    check: 'eks-secrets-encryption',
    note: 'The catalog notes list the first ids of four.',
    comparison: {
      source: 'Prowler pci_4.0_aws (eks_cluster_kms_cmk_encryption_in_secrets_enabled)',
      framework: 'pci-dss-4.0.1',
      theirs: ['3.5.1', '8.3.2'],
      agreed: ['3.5.1', '8.3.2'],
      disagreed: [],
    },
  },
  {
    family: 'control-plane-logging',
    check: 'eks-control-plane-logging-types',
    note: 'The catalog notes list the first ids of thirteen.',
    comparison: {
      source: 'Prowler pci_4.0_aws (eks_control_plane_logging_all_types_enabled)',
      framework: 'pci-dss-4.0.1',
      theirs: ['10.2.1', '10.2.1.1', '10.2.1.2'],
      agreed: ['10.2.1', '10.2.1.2'],
      disagreed: [
        {
          requirement: '10.2.1.1',
          reason:
            'Individual user access to cardholder data is logged by the application; the Kubernetes audit log shows API calls, not data access.',
        },
      ],
    },
  },
  {
    family: 'control-plane-logging',
    check: 'eks-control-plane-logging-types',
    comparison: {
      source: 'Prowler iso27001_2022_aws (eks_control_plane_logging_all_types_enabled)',
      framework: 'iso-27001-2022',
      theirs: ['A.8.15'],
      agreed: ['A.8.15'],
      disagreed: [],
    },
  },
  {
    family: 'supported-version',
    check: 'eks-supported-version',
    comparison: {
      source: 'Prowler pci_4.0_aws (eks_cluster_uses_a_supported_version)',
      framework: 'pci-dss-4.0.1',
      theirs: ['6.3.3'],
      agreed: ['6.3.3'],
      disagreed: [],
    },
  },
  {
    family: 'network-policy',
    check: 'aks-network-policy',
    note: 'The catalog notes list three of four ISO ids.',
    comparison: {
      source: 'Prowler iso27001_2022_azure (aks_network_policy_enabled)',
      framework: 'iso-27001-2022',
      theirs: ['A.8.14', 'A.8.20', 'A.8.21'],
      agreed: ['A.8.20'],
      disagreed: [
        { requirement: 'A.8.14', reason: REDUNDANCY },
        {
          requirement: 'A.8.21',
          reason:
            'A.8.21 is the security of network services obtained (service agreements, mechanisms); segmentation between workloads is A.8.22, which we cite.',
        },
      ],
    },
  },
  {
    family: 'network-policy',
    check: 'aks-network-policy',
    comparison: {
      source: 'Prowler pci_4.0_azure (aks_network_policy_enabled)',
      framework: 'pci-dss-4.0.1',
      theirs: ['6.3.3'],
      agreed: [],
      disagreed: [
        {
          requirement: '6.3.3',
          reason:
            'PCI DSS 6.3.3 is installing security patches; NetworkPolicy enforcement is segmentation (1.3.1, 1.3.2).',
        },
      ],
    },
  },
  {
    family: 'api-endpoint-exposure',
    check: 'aks-public-network-access',
    comparison: {
      source: 'Prowler hipaa_azure (aks_clusters_public_access_disabled)',
      framework: 'hipaa-security-rule',
      theirs: ['164.308(a)(1)(ii)(B)', '164.310(a)(1)', '164.312(a)(1)'],
      agreed: ['164.312(a)(1)'],
      disagreed: [
        { requirement: '164.308(a)(1)(ii)(B)', reason: RISK_MGMT },
        { requirement: '164.310(a)(1)', reason: PHYSICAL },
      ],
    },
  },
  {
    family: 'api-endpoint-exposure',
    check: 'aks-public-network-access',
    comparison: {
      source: 'Prowler iso27001_2022_azure (aks_clusters_public_access_disabled)',
      framework: 'iso-27001-2022',
      theirs: ['A.8.1', 'A.8.14'],
      agreed: [],
      disagreed: [
        { requirement: 'A.8.1', reason: ENDPOINT_DEVICES },
        { requirement: 'A.8.14', reason: REDUNDANCY },
      ],
    },
  },
  {
    family: 'api-endpoint-exposure',
    check: 'aks-public-network-access',
    comparison: {
      source: 'Prowler soc2_azure (aks_clusters_public_access_disabled)',
      framework: 'soc2-2017',
      theirs: ['CC6.1'],
      agreed: ['CC6.1'],
      disagreed: [],
    },
  },
  {
    family: 'api-endpoint-exposure',
    check: 'aks-public-network-access',
    note: 'The catalog notes list the first three of six.',
    comparison: {
      source: 'Prowler pci_4.0_azure (aks_clusters_public_access_disabled)',
      framework: 'pci-dss-4.0.1',
      theirs: ['1.2.8', '1.3.1', '1.3.2'],
      agreed: ['1.3.1'],
      disagreed: [
        { requirement: '1.2.8', reason: NSC_FILES },
        { requirement: '1.3.2', reason: OUTBOUND },
      ],
    },
  },
  {
    family: 'private-nodes',
    check: 'aks-node-public-ip',
    comparison: {
      source: 'Prowler hipaa_azure (aks_clusters_created_with_private_nodes)',
      framework: 'hipaa-security-rule',
      theirs: ['164.308(a)(1)(ii)(B)', '164.310(a)(1)'],
      agreed: [],
      disagreed: [
        { requirement: '164.308(a)(1)(ii)(B)', reason: RISK_MGMT },
        { requirement: '164.310(a)(1)', reason: PHYSICAL },
      ],
    },
  },
  {
    family: 'private-nodes',
    check: 'aks-node-public-ip',
    comparison: {
      source: 'Prowler iso27001_2022_azure (aks_clusters_created_with_private_nodes)',
      framework: 'iso-27001-2022',
      theirs: ['A.8.14'],
      agreed: [],
      disagreed: [{ requirement: 'A.8.14', reason: REDUNDANCY }],
    },
  },
  {
    family: 'private-nodes',
    check: 'aks-node-public-ip',
    comparison: {
      source: 'Prowler soc2_azure (aks_clusters_created_with_private_nodes)',
      framework: 'soc2-2017',
      theirs: ['CC3.3'],
      agreed: [],
      disagreed: [
        {
          requirement: 'CC3.3',
          reason:
            'CC3.3 is considering the potential for fraud in risk assessment; node exposure is CC6.6.',
        },
      ],
    },
  },
  {
    family: 'kubernetes-rbac',
    check: 'aks-kubernetes-rbac',
    comparison: {
      source: 'Prowler hipaa_azure (aks_cluster_rbac_enabled)',
      framework: 'hipaa-security-rule',
      theirs: ['164.308(a)(4)(ii)(B)'],
      agreed: ['164.308(a)(4)(ii)(B)'],
      disagreed: [],
    },
  },
  {
    family: 'kubernetes-rbac',
    check: 'aks-kubernetes-rbac',
    note: 'The catalog notes list three of forty PCI ids.',
    comparison: {
      source: 'Prowler pci_4.0_azure (aks_cluster_rbac_enabled)',
      framework: 'pci-dss-4.0.1',
      theirs: ['10.3.2', '10.6.3', '3.5.1'],
      agreed: [],
      disagreed: [
        {
          requirement: '10.3.2',
          reason:
            'PCI DSS 10.3.2 protects audit log files from modification; RBAC being on is not that.',
        },
        { requirement: '10.6.3', reason: 'PCI DSS 10.6.3 protects time-synchronization settings.' },
        {
          requirement: '3.5.1',
          reason:
            'PCI DSS 3.5.1 renders stored PAN unreadable; RBAC is access control (7.2.1, 7.3.1).',
        },
      ],
    },
  },
  {
    family: 'static-cluster-credentials',
    check: 'aks-local-accounts',
    comparison: {
      source: 'Prowler iso27001_2022_azure (aks_cluster_local_accounts_disabled)',
      framework: 'iso-27001-2022',
      theirs: ['A.5.16'],
      agreed: ['A.5.16'],
      disagreed: [],
    },
  },
  {
    family: 'monitoring',
    check: 'aks-managed-prometheus',
    comparison: {
      source: 'Prowler iso27001_2022_azure (aks_cluster_azure_monitor_enabled)',
      framework: 'iso-27001-2022',
      theirs: ['A.8.16'],
      agreed: ['A.8.16'],
      disagreed: [],
    },
  },
  {
    family: 'api-endpoint-authorized-networks',
    check: 'gke-authorized-networks',
    note: 'Prowler cites gke_cluster_master_authorized_networks_enabled, a check id that does not exist in its tree.',
    comparison: {
      source: 'Prowler hipaa_gcp (gke_cluster_master_authorized_networks_enabled)',
      framework: 'hipaa-security-rule',
      theirs: ['164.308(a)(1)(ii)(B)', '164.312(e)(1)'],
      agreed: [],
      disagreed: [
        { requirement: '164.308(a)(1)(ii)(B)', reason: RISK_MGMT },
        {
          requirement: '164.312(e)(1)',
          reason:
            'Transmission security protects ePHI in transit; an allow-list of source networks is access control, 164.312(a)(1).',
        },
      ],
    },
  },
  {
    family: 'api-endpoint-exposure',
    check: 'gke-public-endpoint',
    note: 'Prowler cites gke_cluster_private_cluster_enabled, a check id that does not exist in its tree.',
    comparison: {
      source: 'Prowler hipaa_gcp (gke_cluster_private_cluster_enabled)',
      framework: 'hipaa-security-rule',
      theirs: ['164.308(a)(1)(ii)(B)', '164.310(a)(1)', '164.312(a)(1)'],
      agreed: ['164.312(a)(1)'],
      disagreed: [
        { requirement: '164.308(a)(1)(ii)(B)', reason: RISK_MGMT },
        { requirement: '164.310(a)(1)', reason: PHYSICAL },
      ],
    },
  },
  {
    family: 'control-plane-logging',
    check: 'gke-logging',
    note: 'Prowler cites gke_cluster_stackdriver_logging_enabled, a check id that does not exist in its tree.',
    comparison: {
      source: 'Prowler hipaa_gcp (gke_cluster_stackdriver_logging_enabled)',
      framework: 'hipaa-security-rule',
      theirs: ['164.308(a)(7)(i)', '164.312(b)'],
      agreed: ['164.312(b)'],
      disagreed: [
        {
          requirement: '164.308(a)(7)(i)',
          reason:
            'The contingency plan is about keeping ePHI available in emergencies; logging is an audit control, 164.312(b).',
        },
      ],
    },
  },
];
