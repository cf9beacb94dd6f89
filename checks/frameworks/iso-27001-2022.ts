import type { Framework } from './types';

/** ISO/IEC 27001:2022 Annex A: the controls a cluster's cloud-side configuration gives evidence for. */
export const ISO_27001_2022: Framework = {
  id: 'iso-27001-2022',
  title: 'ISO/IEC 27001:2022 Annex A',
  version: '2022',
  requirements: [
    {
      id: 'A.5.9',
      title: 'Inventory of information and other associated assets',
      assessment: 'automated',
    },
    { id: 'A.5.15', title: 'Access control', assessment: 'automated' },
    { id: 'A.5.16', title: 'Identity management', assessment: 'automated' },
    { id: 'A.5.17', title: 'Authentication information', assessment: 'automated' },
    { id: 'A.5.18', title: 'Access rights', assessment: 'automated' },
    {
      id: 'A.7.1',
      title: 'Physical security perimeters',
      assessment: 'manual',
      note: 'The data centres are the cloud provider’s side (its ISO/IEC 27001 certificate).',
    },
    { id: 'A.8.2', title: 'Privileged access rights', assessment: 'automated' },
    { id: 'A.8.3', title: 'Information access restriction', assessment: 'automated' },
    { id: 'A.8.5', title: 'Secure authentication', assessment: 'automated' },
    { id: 'A.8.7', title: 'Protection against malware', assessment: 'automated' },
    { id: 'A.8.8', title: 'Management of technical vulnerabilities', assessment: 'automated' },
    { id: 'A.8.9', title: 'Configuration management', assessment: 'automated' },
    {
      id: 'A.8.14',
      title: 'Redundancy of information processing facilities',
      assessment: 'automated',
    },
    { id: 'A.8.15', title: 'Logging', assessment: 'automated' },
    { id: 'A.8.16', title: 'Monitoring activities', assessment: 'automated' },
    {
      id: 'A.8.19',
      title: 'Installation of software on operational systems',
      assessment: 'automated',
    },
    { id: 'A.8.20', title: 'Networks security', assessment: 'automated' },
    { id: 'A.8.22', title: 'Segregation of networks', assessment: 'automated' },
    { id: 'A.8.24', title: 'Use of cryptography', assessment: 'automated' },
    { id: 'A.8.32', title: 'Change management', assessment: 'automated' },
  ],
};
