import type { Framework } from './types';

/**
 * HIPAA Security Rule, 45 CFR Part 164 Subpart C: the administrative (164.308), physical (164.310)
 * and technical (164.312) safeguards a cluster's cloud-side configuration gives evidence for. Ids
 * as cited in the CFR; titles are the standards' and implementation specifications' names.
 */
export const HIPAA_SECURITY_RULE: Framework = {
  id: 'hipaa-security-rule',
  title: 'HIPAA Security Rule (45 CFR 164.308, 164.310, 164.312)',
  version: '45 CFR Part 164 Subpart C',
  requirements: [
    {
      id: '164.308(a)(1)(ii)(B)',
      title: 'Security management process: risk management',
      assessment: 'automated',
    },
    {
      id: '164.308(a)(1)(ii)(D)',
      title: 'Security management process: information system activity review',
      assessment: 'automated',
    },
    {
      id: '164.308(a)(4)(ii)(B)',
      title: 'Information access management: access authorization',
      assessment: 'automated',
    },
    {
      id: '164.308(a)(4)(ii)(C)',
      title: 'Information access management: access establishment and modification',
      assessment: 'automated',
    },
    {
      id: '164.308(a)(5)(ii)(B)',
      title: 'Security awareness and training: protection from malicious software',
      assessment: 'automated',
    },
    {
      id: '164.308(a)(7)(i)',
      title: 'Contingency plan',
      assessment: 'automated',
    },
    {
      id: '164.310(a)(1)',
      title: 'Facility access controls',
      assessment: 'manual',
      note: 'Physical safeguards of the data centres are the cloud provider’s side (covered by its Business Associate Agreement).',
    },
    {
      id: '164.310(d)(1)',
      title: 'Device and media controls',
      assessment: 'manual',
      note: 'Disposal and re-use of the provider’s physical media is the provider’s side; the customer side (encrypting disks) is evidenced under 164.312(a)(2)(iv).',
    },
    {
      id: '164.312(a)(1)',
      title: 'Access control',
      assessment: 'automated',
    },
    {
      id: '164.312(a)(2)(i)',
      title: 'Access control: unique user identification',
      assessment: 'automated',
    },
    {
      id: '164.312(a)(2)(iv)',
      title: 'Access control: encryption and decryption',
      assessment: 'automated',
    },
    {
      id: '164.312(b)',
      title: 'Audit controls',
      assessment: 'automated',
    },
    {
      id: '164.312(c)(1)',
      title: 'Integrity',
      assessment: 'automated',
    },
    {
      id: '164.312(d)',
      title: 'Person or entity authentication',
      assessment: 'automated',
    },
    {
      id: '164.312(e)(1)',
      title: 'Transmission security',
      assessment: 'automated',
    },
    {
      id: '164.312(e)(2)(ii)',
      title: 'Transmission security: encryption',
      assessment: 'automated',
    },
  ],
};
