import type { Framework } from './types';

/**
 * AICPA Trust Services Criteria (2017, with the revised points of focus of 2022): the criteria a
 * cluster's cloud-side configuration gives evidence for. Titles shortened from the criteria text.
 */
export const SOC2_2017: Framework = {
  id: 'soc2-2017',
  title: 'SOC 2 Trust Services Criteria',
  version: '2017 (revised points of focus, 2022)',
  requirements: [
    {
      id: 'CC6.1',
      title:
        'Logical access security software, infrastructure and architectures protect information assets',
      assessment: 'automated',
    },
    {
      id: 'CC6.2',
      title: 'Users are registered and authorized before credentials are issued',
      assessment: 'automated',
    },
    {
      id: 'CC6.3',
      title: 'Access is authorized, modified or removed by role, with least privilege',
      assessment: 'automated',
    },
    {
      id: 'CC6.4',
      title: 'Physical access to facilities and protected information assets is restricted',
      assessment: 'manual',
      note: 'Physical access to the data centres is the cloud provider’s side (its own SOC 2 report).',
    },
    {
      id: 'CC6.6',
      title: 'Logical access measures protect against threats from outside the system boundaries',
      assessment: 'automated',
    },
    {
      id: 'CC6.7',
      title: 'Transmission of information is restricted and protected',
      assessment: 'automated',
    },
    {
      id: 'CC6.8',
      title: 'Unauthorized or malicious software is prevented or detected',
      assessment: 'automated',
    },
    {
      id: 'CC7.1',
      title:
        'Detection procedures identify configuration changes and newly discovered vulnerabilities',
      assessment: 'automated',
    },
    {
      id: 'CC7.2',
      title: 'System components are monitored for anomalies indicative of malicious acts or errors',
      assessment: 'automated',
    },
    {
      id: 'CC8.1',
      title:
        'Changes to infrastructure and software are authorized, tested, approved and implemented',
      assessment: 'automated',
    },
    {
      id: 'A1.2',
      title:
        'Environmental protections, software, backup and recovery infrastructure are maintained',
      assessment: 'automated',
    },
  ],
};
