import type { Framework } from './types';

/**
 * PCI DSS v4.0.1 (June 2024): the defined-approach requirements whose Kubernetes-cluster part the
 * cloud APIs can evidence. A mapped check covers the cluster's configuration only; the rest of a
 * requirement (procedures, reviews, other system components) stays with the assessed entity.
 * Titles shortened from the standard's requirement text.
 */
export const PCI_DSS_4_0_1: Framework = {
  id: 'pci-dss-4.0.1',
  title: 'Payment Card Industry Data Security Standard',
  version: '4.0.1',
  requirements: [
    {
      id: '1.3.1',
      title: 'Inbound traffic to the CDE is restricted to only that which is necessary',
      assessment: 'automated',
    },
    {
      id: '1.3.2',
      title: 'Outbound traffic from the CDE is restricted to only that which is necessary',
      assessment: 'automated',
    },
    {
      id: '1.4.2',
      title: 'Inbound traffic from untrusted networks to trusted networks is restricted',
      assessment: 'automated',
    },
    {
      id: '1.4.4',
      title:
        'System components that store cardholder data are not directly accessible from untrusted networks',
      assessment: 'automated',
    },
    {
      id: '2.2.1',
      title: 'Configuration standards are developed, implemented and maintained',
      assessment: 'automated',
    },
    {
      id: '2.2.4',
      title: 'Only necessary services, protocols, daemons and functions are enabled',
      assessment: 'automated',
    },
    {
      id: '3.5.1',
      title: 'PAN is rendered unreadable anywhere it is stored',
      assessment: 'automated',
      note: 'Evidenced only for data the cluster stores (Secrets, node and volume disks); application-level PAN protection is not visible to cloud APIs.',
    },
    {
      id: '3.6.1',
      title:
        'Cryptographic keys protecting stored account data are protected against disclosure and misuse',
      assessment: 'automated',
    },
    {
      id: '3.7.4',
      title: 'Cryptographic keys are changed at the end of their cryptoperiod',
      assessment: 'automated',
    },
    {
      id: '4.2.1',
      title: 'Strong cryptography protects PAN during transmission over open, public networks',
      assessment: 'automated',
    },
    {
      id: '5.2.1',
      title: 'An anti-malware solution is deployed on all system components at risk from malware',
      assessment: 'automated',
    },
    {
      id: '6.3.1',
      title: 'Security vulnerabilities are identified and managed',
      assessment: 'automated',
    },
    {
      id: '6.3.3',
      title:
        'System components are protected from known vulnerabilities by installing security patches',
      assessment: 'automated',
    },
    {
      id: '6.5.1',
      title: 'Changes to system components in production follow established procedures',
      assessment: 'automated',
    },
    {
      id: '7.2.1',
      title: 'An access control model is defined and includes granting access',
      assessment: 'automated',
    },
    {
      id: '7.2.2',
      title: 'Access is assigned based on job function and least privileges',
      assessment: 'automated',
    },
    {
      id: '7.2.5',
      title: 'Application and system accounts and their privileges are managed on least privilege',
      assessment: 'automated',
    },
    {
      id: '7.3.1',
      title: 'An access control system restricts access based on need to know',
      assessment: 'automated',
    },
    {
      id: '8.2.1',
      title: 'All users are assigned a unique ID before access is allowed',
      assessment: 'automated',
    },
    {
      id: '8.2.2',
      title: 'Shared or generic accounts and credentials are used only by exception',
      assessment: 'automated',
    },
    {
      id: '8.3.1',
      title: 'All user access is authenticated via at least one authentication factor',
      assessment: 'automated',
    },
    {
      id: '8.3.2',
      title:
        'Strong cryptography renders authentication factors unreadable in transmission and storage',
      assessment: 'automated',
    },
    {
      id: '8.6.2',
      title: 'Passwords of application and system accounts are not hard coded in files or code',
      assessment: 'automated',
    },
    {
      id: '9.2.1',
      title: 'Facility entry controls restrict physical access to systems in the CDE',
      assessment: 'manual',
      note: 'Physical security of the data centres is the cloud provider’s side of the shared-responsibility model (its PCI DSS Attestation of Compliance).',
    },
    {
      id: '10.2.1',
      title: 'Audit logs are enabled and active for all system components',
      assessment: 'automated',
    },
    {
      id: '10.2.1.2',
      title: 'Audit logs capture all actions by individuals with administrative access',
      assessment: 'automated',
    },
    {
      id: '10.3.3',
      title:
        'Audit logs are promptly backed up to a central log server that is difficult to modify',
      assessment: 'automated',
    },
    {
      id: '10.4.1.1',
      title: 'Automated mechanisms are used to perform audit log reviews',
      assessment: 'automated',
    },
    {
      id: '10.5.1',
      title:
        'Audit log history is retained for at least 12 months, three months immediately available',
      assessment: 'automated',
    },
    {
      id: '11.3.1',
      title: 'Internal vulnerability scans are performed at least once every three months',
      assessment: 'automated',
    },
    {
      id: '11.5.1',
      title: 'Intrusion-detection or -prevention techniques detect or prevent intrusions',
      assessment: 'automated',
    },
    {
      id: '11.5.2',
      title: 'A change-detection mechanism alerts on unauthorized modification of critical files',
      assessment: 'automated',
    },
    {
      id: '12.3.4',
      title:
        'Hardware and software technologies are reviewed at least every 12 months, incl. end of life',
      assessment: 'automated',
    },
    {
      id: '12.5.1',
      title: 'An inventory of in-scope system components is maintained and kept current',
      assessment: 'automated',
    },
  ],
};
