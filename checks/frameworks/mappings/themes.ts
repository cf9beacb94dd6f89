import { r } from './ref';
import type { ControlTheme } from './types';

/**
 * The control themes and the requirements each gives evidence for. A rationale says what a
 * passing check shows for that requirement; the check alone never proves a whole requirement.
 */
export const THEMES = [
  {
    id: 'control-plane-exposure',
    summary: 'The Kubernetes API server is not reachable from untrusted networks.',
    requirements: {
      'pci-dss-4.0.1': [
        r('1.3.1', 'The API server admits inbound traffic only from the networks that need it.'),
        r('1.4.2', 'Traffic from the Internet to the API server is restricted or blocked.'),
        r(
          '1.4.4',
          'The API server fronts etcd, which stores the cluster’s Secrets; it is not directly reachable from untrusted networks.',
        ),
      ],
      'soc2-2017': [
        r('CC6.6', 'Limits who outside the system boundary can reach the control plane.'),
        r(
          'CC6.1',
          'Network restriction is part of the logical access architecture of the cluster.',
        ),
      ],
      'hipaa-security-rule': [
        r(
          '164.312(a)(1)',
          'Restricts access to the system that runs ePHI workloads to allowed networks.',
        ),
      ],
      'iso-27001-2022': [
        r('A.8.20', 'The control-plane network path is secured and restricted.'),
        r('A.8.22', 'Separates the management network of the cluster from untrusted networks.'),
      ],
      'nist-800-53-r5': [
        r(
          'SC-7',
          'The API endpoint sits behind a managed boundary (private endpoint, CIDR allow-list, firewall).',
        ),
        r('AC-4', 'Controls which networks may send traffic to the control plane.'),
        r('AC-3', 'Network-level enforcement of who may reach the API server.'),
      ],
    },
  },
  {
    id: 'node-exposure',
    summary: 'Worker nodes are not reachable from untrusted networks.',
    requirements: {
      'pci-dss-4.0.1': [
        r('1.3.1', 'Nodes admit inbound traffic only from the networks that need it.'),
        r('1.4.2', 'Traffic from the Internet to the nodes is restricted or blocked.'),
      ],
      'soc2-2017': [r('CC6.6', 'Limits who outside the system boundary can reach the nodes.')],
      'hipaa-security-rule': [
        r('164.312(a)(1)', 'Restricts network access to the machines that process ePHI.'),
      ],
      'iso-27001-2022': [
        r('A.8.20', 'Node networks are secured and restricted.'),
        r('A.8.22', 'Nodes sit in private network segments, separate from the Internet.'),
      ],
      'nist-800-53-r5': [
        r('SC-7', 'Nodes sit inside a managed boundary without public addresses or open ingress.'),
        r('AC-4', 'Controls which networks may send traffic to the nodes.'),
      ],
    },
  },
  {
    id: 'remote-administration',
    summary: 'Administrative remote access to nodes and clusters is disabled or restricted.',
    requirements: {
      'pci-dss-4.0.1': [
        r('2.2.4', 'Remote shell paths (SSH, run command) are disabled unless needed.'),
        r(
          '7.2.2',
          'Direct administrative access to nodes is limited to those whose function needs it.',
        ),
      ],
      'soc2-2017': [
        r('CC6.1', 'Remote administrative paths are part of the logical access architecture.'),
      ],
      'hipaa-security-rule': [
        r('164.312(a)(1)', 'Limits administrative access paths to the systems that process ePHI.'),
      ],
      'iso-27001-2022': [
        r('A.8.2', 'Remote administrative access is a privileged access right and is restricted.'),
      ],
      'nist-800-53-r5': [
        r('AC-17', 'Remote access to nodes and the cluster is disabled or restricted.'),
        r('CM-7', 'Unneeded remote administration services are disabled.'),
      ],
    },
  },
  {
    id: 'workload-segmentation',
    summary: 'Pod-to-pod traffic can be segmented (NetworkPolicy is enforced).',
    requirements: {
      'pci-dss-4.0.1': [
        r(
          '1.3.1',
          'NetworkPolicy enforcement lets inbound traffic to CDE pods be limited to what is necessary.',
        ),
        r('1.3.2', 'NetworkPolicy enforcement lets outbound traffic from CDE pods be limited.'),
      ],
      'soc2-2017': [
        r(
          'CC6.1',
          'Network segmentation inside the cluster is part of the logical access architecture.',
        ),
      ],
      'hipaa-security-rule': [
        r('164.312(a)(1)', 'Lets only authorized workloads reach the services that hold ePHI.'),
      ],
      'iso-27001-2022': [
        r('A.8.22', 'Workloads can be segregated into network segments.'),
        r('A.8.20', 'The cluster network supports restricting traffic between workloads.'),
      ],
      'nist-800-53-r5': [
        r('AC-4', 'Enforces approved information flows between workloads.'),
        r('SC-7', 'Internal boundaries between workloads can be enforced.'),
      ],
    },
  },
  {
    id: 'egress-control',
    summary: 'Outbound traffic from the cluster goes through a controlled path.',
    requirements: {
      'pci-dss-4.0.1': [
        r('1.3.2', 'Outbound traffic from the cluster can be limited to what is necessary.'),
      ],
      'soc2-2017': [r('CC6.7', 'Restricts where information can be transmitted from the cluster.')],
      'iso-27001-2022': [r('A.8.20', 'Outbound network paths are controlled.')],
      'nist-800-53-r5': [r('SC-7', 'Outbound traffic passes a managed boundary.')],
    },
  },
  {
    id: 'transport-encryption',
    summary: 'Traffic into the cluster’s services is encrypted in transit.',
    requirements: {
      'pci-dss-4.0.1': [r('4.2.1', 'Load balancers serve TLS to clients on open networks.')],
      'soc2-2017': [r('CC6.7', 'Information is protected during transmission.')],
      'hipaa-security-rule': [
        r('164.312(e)(1)', 'Protects ePHI transmitted over networks to the cluster’s services.'),
        r('164.312(e)(2)(ii)', 'Encrypts data in transit to the cluster’s services.'),
      ],
      'iso-27001-2022': [r('A.8.24', 'Cryptography protects data in transit.')],
      'nist-800-53-r5': [r('SC-8', 'Transmission confidentiality and integrity through TLS.')],
    },
  },
  {
    id: 'secrets-encryption',
    summary: 'Kubernetes Secrets are envelope-encrypted at rest with a key the customer controls.',
    requirements: {
      'pci-dss-4.0.1': [
        r(
          '8.3.2',
          'Secrets hold authentication factors (tokens, passwords); envelope encryption renders them unreadable in storage.',
        ),
        r(
          '3.5.1',
          'Where Secrets hold account data, envelope encryption renders it unreadable in etcd.',
        ),
      ],
      'soc2-2017': [
        r(
          'CC6.1',
          'Encryption of stored credentials is a point of focus of logical access protection.',
        ),
      ],
      'hipaa-security-rule': [
        r('164.312(a)(2)(iv)', 'Encrypts Secrets (which may give access to ePHI) at rest.'),
      ],
      'iso-27001-2022': [r('A.8.24', 'Cryptography protects Secrets at rest.')],
      'nist-800-53-r5': [
        r('SC-28', 'Protects Secrets at rest in etcd.'),
        r('SC-12', 'The encryption key is a customer-managed key with its own lifecycle.'),
      ],
    },
  },
  {
    id: 'key-management',
    summary: 'The encryption keys are customer-managed, enabled, rotated and not over-shared.',
    requirements: {
      'pci-dss-4.0.1': [
        r(
          '3.6.1',
          'The key protecting stored data is itself protected against disclosure and misuse (key policy, state).',
        ),
        r('3.7.4', 'Key rotation shows cryptoperiod changes are in place.'),
      ],
      'soc2-2017': [
        r('CC6.1', 'Protecting encryption keys is a point of focus of logical access protection.'),
      ],
      'iso-27001-2022': [r('A.8.24', 'Key management is part of the use of cryptography.')],
      'nist-800-53-r5': [r('SC-12', 'Key establishment, rotation and access are managed.')],
    },
  },
  {
    id: 'storage-encryption',
    summary: 'Node disks and persistent volumes are encrypted at rest.',
    requirements: {
      'pci-dss-4.0.1': [r('3.5.1', 'Disks that may hold account data are encrypted.')],
      'soc2-2017': [
        r('CC6.1', 'Encryption of stored data is a point of focus of logical access protection.'),
      ],
      'hipaa-security-rule': [
        r('164.312(a)(2)(iv)', 'Disks that may hold ePHI are encrypted at rest.'),
      ],
      'iso-27001-2022': [r('A.8.24', 'Cryptography protects data at rest on disks.')],
      'nist-800-53-r5': [r('SC-28', 'Protects data at rest on node and volume disks.')],
    },
  },
  {
    id: 'audit-logging',
    summary: 'The Kubernetes API audit log (and control-plane logs) are captured.',
    requirements: {
      'pci-dss-4.0.1': [
        r('10.2.1', 'The cluster’s audit log is enabled and delivered.'),
        r(
          '10.2.1.2',
          'The Kubernetes audit log records every action of administrators through the API.',
        ),
        r(
          '10.3.3',
          'Logs go to the cloud’s log service, outside the cluster and hard to modify from it.',
        ),
      ],
      'soc2-2017': [
        r('CC7.2', 'Audit logs are the input for monitoring the cluster for anomalies.'),
      ],
      'hipaa-security-rule': [
        r('164.312(b)', 'Records activity in the system that runs ePHI workloads.'),
        r('164.308(a)(1)(ii)(D)', 'Provides the records for information system activity review.'),
      ],
      'iso-27001-2022': [r('A.8.15', 'Produces and keeps logs of activities in the cluster.')],
      'nist-800-53-r5': [
        r('AU-2', 'The audit event types of the Kubernetes API are logged.'),
        r('AU-12', 'The control plane generates audit records.'),
      ],
    },
  },
  {
    id: 'log-retention',
    summary: 'Captured logs are retained long enough and protected.',
    requirements: {
      'pci-dss-4.0.1': [
        r(
          '10.5.1',
          'The log group keeps audit logs for the configured retention (12 months for PCI DSS).',
        ),
      ],
      'soc2-2017': [r('CC7.2', 'Retained logs allow anomalies to be analysed after the fact.')],
      'hipaa-security-rule': [r('164.312(b)', 'Audit records stay available for examination.')],
      'iso-27001-2022': [r('A.8.15', 'Logs are stored and protected.')],
      'nist-800-53-r5': [
        r('AU-11', 'Audit records are retained for the defined period.'),
        r('AU-9', 'The log group is encrypted with a customer key.'),
      ],
    },
  },
  {
    id: 'monitoring',
    summary: 'Cluster metrics, container logs and network flows are monitored.',
    requirements: {
      'pci-dss-4.0.1': [r('10.4.1.1', 'Feeds automated review of the cluster’s logs and events.')],
      'soc2-2017': [r('CC7.2', 'System components are monitored for anomalies.')],
      'hipaa-security-rule': [
        r('164.308(a)(1)(ii)(D)', 'Supports regular review of system activity.'),
      ],
      'iso-27001-2022': [r('A.8.16', 'The cluster is monitored for anomalous behaviour.')],
      'nist-800-53-r5': [r('SI-4', 'System monitoring of the cluster and its network.')],
    },
  },
  {
    id: 'threat-detection',
    summary: 'A managed threat-detection service watches the cluster’s audit log and runtime.',
    requirements: {
      'pci-dss-4.0.1': [
        r('11.5.1', 'Intrusion detection on the cluster’s API activity and node runtime.'),
        r('5.2.1', 'Runtime protection detects malware on the nodes.'),
      ],
      'soc2-2017': [
        r('CC7.2', 'Anomalies indicative of malicious acts are detected.'),
        r('CC6.8', 'Malicious software introduced into the cluster is detected.'),
      ],
      'hipaa-security-rule': [
        r('164.308(a)(5)(ii)(B)', 'Guards against and detects malicious software.'),
        r('164.308(a)(1)(ii)(D)', 'Flags suspicious activity for review.'),
      ],
      'iso-27001-2022': [
        r('A.8.7', 'Protection against malware on nodes and workloads.'),
        r('A.8.16', 'Activity is monitored for malicious behaviour.'),
      ],
      'nist-800-53-r5': [
        r('SI-4', 'Monitoring for attacks and indicators of compromise.'),
        r('SI-3', 'Malicious code detection at runtime.'),
      ],
    },
  },
  {
    id: 'vulnerability-management',
    summary: 'Container images and cluster components are scanned for known vulnerabilities.',
    requirements: {
      'pci-dss-4.0.1': [
        r('6.3.1', 'Vulnerabilities in images and components are identified.'),
        r('11.3.1', 'Scanning runs continuously on pushed and running images.'),
      ],
      'soc2-2017': [r('CC7.1', 'Newly discovered vulnerabilities are detected.')],
      'hipaa-security-rule': [
        r('164.308(a)(1)(ii)(B)', 'Reduces vulnerabilities to a reasonable level.'),
      ],
      'iso-27001-2022': [r('A.8.8', 'Technical vulnerabilities are identified.')],
      'nist-800-53-r5': [r('RA-5', 'Vulnerability scanning of images and components.')],
    },
  },
  {
    id: 'patching',
    summary: 'Kubernetes, node images and add-ons run supported, patched versions.',
    requirements: {
      'pci-dss-4.0.1': [
        r('6.3.3', 'Supported, current versions receive the vendor’s security patches.'),
      ],
      'soc2-2017': [
        r('CC7.1', 'Susceptibility to known vulnerabilities of old versions is detected.'),
      ],
      'hipaa-security-rule': [
        r('164.308(a)(1)(ii)(B)', 'Patching reduces vulnerabilities to a reasonable level.'),
      ],
      'iso-27001-2022': [
        r('A.8.8', 'Vulnerabilities are remediated through supported versions and upgrades.'),
      ],
      'nist-800-53-r5': [r('SI-2', 'Flaws are remediated by upgrading to patched versions.')],
    },
  },
  {
    id: 'end-of-support',
    summary: 'No cluster runs a Kubernetes version past the provider’s end of support.',
    requirements: {
      'pci-dss-4.0.1': [
        r('12.3.4', 'Versions past the vendor’s end of support are flagged for remediation.'),
      ],
      'nist-800-53-r5': [r('SA-22', 'Components past vendor support are identified.')],
    },
  },
  {
    id: 'change-control',
    summary: 'Provider-driven changes happen in planned windows and are announced.',
    requirements: {
      'pci-dss-4.0.1': [
        r('6.5.1', 'Upgrades of the cluster follow a planned, controlled schedule.'),
      ],
      'soc2-2017': [
        r('CC8.1', 'Changes to the cluster are planned and implemented in a controlled way.'),
      ],
      'iso-27001-2022': [r('A.8.32', 'Changes to the cluster are subject to change management.')],
      'nist-800-53-r5': [r('CM-3', 'Configuration changes are controlled and scheduled.')],
    },
  },
  {
    id: 'privileged-access',
    summary: 'Cluster-admin access is granted to few, known principals.',
    requirements: {
      'pci-dss-4.0.1': [
        r('7.2.2', 'Cluster-admin grants are limited to those whose function needs them.'),
        r('7.2.1', 'The cluster’s admin grants are visible and defined in the access model.'),
      ],
      'soc2-2017': [r('CC6.3', 'Privileged access follows least privilege.')],
      'hipaa-security-rule': [
        r(
          '164.308(a)(4)(ii)(B)',
          'Administrative access to the cluster is authorized, not implicit.',
        ),
        r('164.312(a)(1)', 'Limits who can administer the system that runs ePHI workloads.'),
        r(
          '164.308(a)(4)(ii)(C)',
          'Admin grants are established through reviewable access entries or role assignments.',
        ),
      ],
      'iso-27001-2022': [r('A.8.2', 'Privileged access rights are restricted and managed.')],
      'nist-800-53-r5': [
        r('AC-6', 'Least privilege for administrative roles.'),
        r('AC-2', 'Privileged accounts are known and managed.'),
      ],
    },
  },
  {
    id: 'identity-and-authentication',
    summary:
      'People reach the cluster through the organization’s identity provider, not static credentials.',
    requirements: {
      'pci-dss-4.0.1': [
        r('8.2.1', 'Every user reaches the cluster with an individual identity.'),
        r(
          '8.2.2',
          'No shared static credential (client certificate, local admin, basic auth) is usable.',
        ),
        r('8.3.1', 'Users are authenticated by the organization’s identity provider.'),
      ],
      'soc2-2017': [
        r('CC6.1', 'Authentication goes through the central identity system.'),
        r('CC6.2', 'Access follows the identity provider’s user registration.'),
      ],
      'hipaa-security-rule': [
        r('164.312(a)(2)(i)', 'Each user is uniquely identified.'),
        r('164.312(d)', 'Users are authenticated before access.'),
      ],
      'iso-27001-2022': [
        r('A.5.16', 'Identities are managed centrally.'),
        r('A.5.17', 'No long-lived shared authentication information exists.'),
        r('A.8.5', 'Authentication uses the organization’s secure mechanism.'),
      ],
      'nist-800-53-r5': [
        r('IA-2', 'Organizational users are uniquely identified and authenticated.'),
        r('IA-5', 'No unmanaged static authenticators exist.'),
      ],
    },
  },
  {
    id: 'authorization',
    summary: 'API access is authorized by RBAC (or cloud IAM), not by legacy or blanket rules.',
    requirements: {
      'pci-dss-4.0.1': [
        r('7.2.1', 'An RBAC access model governs the cluster.'),
        r('7.3.1', 'The authorization system restricts access by need to know.'),
      ],
      'soc2-2017': [r('CC6.3', 'Access is authorized by role.')],
      'hipaa-security-rule': [
        r('164.308(a)(4)(ii)(B)', 'Access is granted through explicit authorization.'),
        r('164.312(a)(1)', 'Technical access control on the cluster’s API.'),
      ],
      'iso-27001-2022': [
        r('A.5.15', 'Access control rules are enforced.'),
        r('A.8.3', 'Access to information is restricted by the authorization mode.'),
      ],
      'nist-800-53-r5': [r('AC-3', 'Access is enforced by RBAC or cloud IAM.')],
    },
  },
  {
    id: 'machine-identity-privilege',
    summary: 'Nodes, workloads and the control plane hold only the cloud permissions they need.',
    requirements: {
      'pci-dss-4.0.1': [
        r('7.2.5', 'System identities (node, workload, control plane) have least privilege.'),
      ],
      'soc2-2017': [r('CC6.3', 'Machine identities follow least privilege.')],
      'hipaa-security-rule': [
        r('164.308(a)(4)(ii)(B)', 'Workloads get only the cloud access they are authorized for.'),
      ],
      'iso-27001-2022': [
        r('A.5.18', 'Access rights of machine identities are scoped.'),
        r('A.8.2', 'Broad cloud roles on nodes are privileged rights and are restricted.'),
      ],
      'nist-800-53-r5': [r('AC-6', 'Least privilege for node and workload identities.')],
    },
  },
  {
    id: 'workload-federation',
    summary: 'Workloads get short-lived federated credentials instead of stored keys.',
    requirements: {
      'pci-dss-4.0.1': [
        r('8.6.2', 'Federated workload identity removes cloud keys from pods and configuration.'),
      ],
      'soc2-2017': [r('CC6.1', 'Workload credentials are issued by the platform, not stored.')],
      'iso-27001-2022': [r('A.5.17', 'No long-lived cloud keys are handed to workloads.')],
      'nist-800-53-r5': [
        r('IA-9', 'Services authenticate with scoped, federated identities.'),
        r('IA-5', 'Authenticators are short-lived and managed by the platform.'),
      ],
    },
  },
  {
    id: 'registry-access',
    summary: 'Write access to the image registry is restricted.',
    requirements: {
      'pci-dss-4.0.1': [
        r('7.2.2', 'Write access to the image registry is limited to those who need it.'),
      ],
      'soc2-2017': [r('CC6.3', 'Registry rights follow least privilege.')],
      'iso-27001-2022': [
        r('A.8.19', 'Who can push images controls what software is installed on the cluster.'),
      ],
      'nist-800-53-r5': [r('CM-5', 'Who can change the software the cluster runs is restricted.')],
    },
  },
  {
    id: 'image-trust',
    summary: 'Only trusted, verified images are admitted.',
    requirements: {
      'soc2-2017': [
        r('CC6.8', 'Unauthorized software cannot be introduced through images.'),
        r('CC8.1', 'Software deployed to the cluster comes through an authorized path.'),
      ],
      'iso-27001-2022': [
        r('A.8.19', 'Installation of software (images) on the cluster is controlled.'),
      ],
      'nist-800-53-r5': [r('SI-7', 'Image integrity is verified before it runs.')],
    },
  },
  {
    id: 'secure-configuration',
    summary: 'The cluster and node configuration follows a hardened baseline.',
    requirements: {
      'pci-dss-4.0.1': [
        r('2.2.1', 'The setting is part of the hardened configuration standard for the cluster.'),
        r(
          '2.2.4',
          'Unneeded functions (legacy endpoints, dashboards, alpha features, read-only ports) are disabled.',
        ),
      ],
      'soc2-2017': [r('CC7.1', 'Configuration that introduces vulnerabilities is detected.')],
      'iso-27001-2022': [r('A.8.9', 'Secure configuration is established and monitored.')],
      'nist-800-53-r5': [
        r('CM-2', 'The setting is part of the cluster’s documented baseline configuration.'),
        r('CM-6', 'Security configuration settings are applied.'),
        r('CM-7', 'Only needed functionality is enabled.'),
      ],
    },
  },
  {
    id: 'platform-integrity',
    summary: 'Nodes boot verified software and their integrity is monitored.',
    requirements: {
      'pci-dss-4.0.1': [
        r('11.5.2', 'Integrity monitoring alerts on unauthorized changes to boot components.'),
      ],
      'soc2-2017': [r('CC6.8', 'Rootkits and boot-level malware are prevented or detected.')],
      'hipaa-security-rule': [
        r('164.312(c)(1)', 'Protects the systems processing ePHI from improper alteration.'),
      ],
      'iso-27001-2022': [r('A.8.7', 'Boot-level malware is prevented.')],
      'nist-800-53-r5': [r('SI-7', 'Software and firmware integrity of nodes is verified.')],
    },
  },
  {
    id: 'workload-isolation',
    summary: 'Untrusted workloads run in a sandbox.',
    requirements: {
      'soc2-2017': [r('CC6.1', 'Isolation limits what a compromised workload can reach.')],
      'iso-27001-2022': [r('A.8.22', 'Untrusted workloads are segregated from the node.')],
      'nist-800-53-r5': [r('SC-39', 'Workloads run in separate execution domains.')],
    },
  },
  {
    id: 'resilience',
    summary: 'The cluster survives failures and accidental deletion.',
    requirements: {
      'soc2-2017': [
        r('A1.2', 'Recovery infrastructure and protections keep the cluster available.'),
      ],
      'hipaa-security-rule': [
        r('164.308(a)(7)(i)', 'Keeps ePHI systems available under failure (contingency).'),
      ],
      'iso-27001-2022': [r('A.8.14', 'Redundant control plane and self-repairing nodes.')],
      'nist-800-53-r5': [
        r('CP-10', 'Failed nodes are recovered automatically; health issues are surfaced.'),
        r('SC-36', 'Control-plane components are distributed across zones.'),
      ],
    },
  },
  {
    id: 'change-protection',
    summary: 'Destructive changes to the cluster need an explicit step.',
    requirements: {
      'soc2-2017': [r('CC8.1', 'An unapproved deletion of the cluster is prevented.')],
      'iso-27001-2022': [r('A.8.32', 'Destructive changes go through a deliberate change.')],
      'nist-800-53-r5': [r('CM-5', 'Deleting the cluster requires an extra, restricted action.')],
    },
  },
  {
    id: 'asset-inventory',
    summary: 'Clusters carry the tags or labels that tie them to an owner and scope.',
    requirements: {
      'pci-dss-4.0.1': [r('12.5.1', 'Tags identify in-scope clusters in the component inventory.')],
      'soc2-2017': [
        r(
          'CC6.1',
          'Identifying and managing the inventory of information assets is a point of focus.',
        ),
      ],
      'iso-27001-2022': [r('A.5.9', 'The cluster is an inventoried asset with an owner.')],
      'nist-800-53-r5': [r('CM-8', 'Tags make the cluster part of the component inventory.')],
    },
  },
] as const satisfies readonly ControlTheme[];

export type ThemeId = (typeof THEMES)[number]['id'];
