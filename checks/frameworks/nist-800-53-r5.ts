import type { Framework } from './types';

/**
 * NIST SP 800-53 Revision 5: the base controls a cluster's cloud-side configuration gives evidence
 * for. Enhancements are cited through their base control (a finding on `SC-7` speaks to SC-7 and
 * its enhancements alike), which keeps the ids comparable with other tools' mappings.
 */
export const NIST_800_53_R5: Framework = {
  id: 'nist-800-53-r5',
  title: 'NIST SP 800-53 Security and Privacy Controls',
  version: 'Revision 5',
  requirements: [
    { id: 'AC-2', title: 'Account Management', assessment: 'automated' },
    { id: 'AC-3', title: 'Access Enforcement', assessment: 'automated' },
    { id: 'AC-4', title: 'Information Flow Enforcement', assessment: 'automated' },
    { id: 'AC-6', title: 'Least Privilege', assessment: 'automated' },
    { id: 'AC-17', title: 'Remote Access', assessment: 'automated' },
    { id: 'AU-2', title: 'Event Logging', assessment: 'automated' },
    { id: 'AU-9', title: 'Protection of Audit Information', assessment: 'automated' },
    { id: 'AU-11', title: 'Audit Record Retention', assessment: 'automated' },
    { id: 'AU-12', title: 'Audit Record Generation', assessment: 'automated' },
    { id: 'CM-2', title: 'Baseline Configuration', assessment: 'automated' },
    { id: 'CM-3', title: 'Configuration Change Control', assessment: 'automated' },
    { id: 'CM-5', title: 'Access Restrictions for Change', assessment: 'automated' },
    { id: 'CM-6', title: 'Configuration Settings', assessment: 'automated' },
    { id: 'CM-7', title: 'Least Functionality', assessment: 'automated' },
    { id: 'CM-8', title: 'System Component Inventory', assessment: 'automated' },
    { id: 'CP-10', title: 'System Recovery and Reconstitution', assessment: 'automated' },
    {
      id: 'IA-2',
      title: 'Identification and Authentication (Organizational Users)',
      assessment: 'automated',
    },
    { id: 'IA-5', title: 'Authenticator Management', assessment: 'automated' },
    { id: 'IA-9', title: 'Service Identification and Authentication', assessment: 'automated' },
    {
      id: 'PE-3',
      title: 'Physical Access Control',
      assessment: 'manual',
      note: 'Inherited from the cloud provider (its FedRAMP authorization).',
    },
    { id: 'RA-5', title: 'Vulnerability Monitoring and Scanning', assessment: 'automated' },
    { id: 'SA-22', title: 'Unsupported System Components', assessment: 'automated' },
    { id: 'SC-7', title: 'Boundary Protection', assessment: 'automated' },
    { id: 'SC-8', title: 'Transmission Confidentiality and Integrity', assessment: 'automated' },
    {
      id: 'SC-12',
      title: 'Cryptographic Key Establishment and Management',
      assessment: 'automated',
    },
    { id: 'SC-28', title: 'Protection of Information at Rest', assessment: 'automated' },
    { id: 'SC-36', title: 'Distributed Processing and Storage', assessment: 'automated' },
    { id: 'SC-39', title: 'Process Isolation', assessment: 'automated' },
    { id: 'SI-2', title: 'Flaw Remediation', assessment: 'automated' },
    { id: 'SI-3', title: 'Malicious Code Protection', assessment: 'automated' },
    { id: 'SI-4', title: 'System Monitoring', assessment: 'automated' },
    { id: 'SI-7', title: 'Software, Firmware, and Information Integrity', assessment: 'automated' },
  ],
};
