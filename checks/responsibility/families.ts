import type { FamilyResponsibility } from './types';

const NONE = 'Offers the setting; nothing is on by default.';

/**
 * Check family → who owns the setting the checks read. `shared` names what the provider does by
 * default; `clouds` holds the differences between providers (e.g. default encryption of etcd,
 * Autopilot nodes).
 */
export const FAMILY_RESPONSIBILITY: Readonly<Record<string, FamilyResponsibility>> = {
  'addon-currency': {
    owner: 'shared',
    providerDoes: 'Publishes add-on versions compatible with each Kubernetes version.',
    customerConfigures: 'Update the managed add-ons (VPC CNI, CoreDNS, kube-proxy, CSI drivers).',
  },
  'admission-policy': {
    owner: 'customer',
    providerDoes: 'Provides the Azure Policy add-on (Gatekeeper) and built-in policy definitions.',
    customerConfigures: 'Turn the add-on on and assign policies.',
  },
  'alpha-features': {
    owner: 'customer',
    providerDoes: NONE,
    customerConfigures: 'Do not create alpha clusters for production.',
  },
  'api-endpoint-authorized-networks': {
    owner: 'customer',
    providerDoes: 'Enforces the allow-list configured on the endpoint.',
    customerConfigures: 'Restrict the public endpoint to known source ranges.',
  },
  'api-endpoint-exposure': {
    owner: 'customer',
    providerDoes:
      'Runs the API server behind its own load balancer and TLS; exposure is a cluster setting.',
    customerConfigures: 'Choose a private endpoint (or disable public access).',
  },
  'api-endpoint-private-access': {
    owner: 'customer',
    providerDoes: 'Provides the private endpoint in the cluster VPC.',
    customerConfigures: 'Turn on private endpoint access so nodes and admins stay in the VPC.',
  },
  'audit-log-retention': {
    owner: 'customer',
    providerDoes: 'Delivers control-plane logs to the customer’s log group.',
    customerConfigures: 'Set retention and encryption of the log group.',
  },
  'audit-logging': {
    owner: 'shared',
    providerDoes: 'Generates the Kubernetes audit log on the control plane it runs.',
    customerConfigures: 'Turn on delivery of the audit log to the cloud’s logging service.',
    clouds: {
      gke: {
        providerDoes:
          'Writes Admin Activity audit logs always; Data Access logs only when enabled.',
        customerConfigures: 'Turn on Data Access audit logs for the Kubernetes Engine API.',
      },
    },
  },
  'cloud-iam-authorization': {
    owner: 'customer',
    providerDoes: 'Provides Azure RBAC for Kubernetes authorization.',
    customerConfigures: 'Turn Azure RBAC on so cluster access follows Entra ID role assignments.',
  },
  'cluster-access-management': {
    owner: 'customer',
    providerDoes: 'Provides managed Entra ID integration.',
    customerConfigures: 'Turn on the AKS-managed Entra ID integration.',
  },
  'cluster-admin-access': {
    owner: 'customer',
    providerDoes:
      'Enforces the grants; grants nothing beyond what the customer configures (the creator grant is opt-out).',
    customerConfigures:
      'Keep cluster-admin grants (access entries, IAM roles, role assignments) few and known.',
  },
  'cluster-authentication': {
    owner: 'customer',
    providerDoes: 'Provides access entries (EKS API) besides the aws-auth ConfigMap.',
    customerConfigures: 'Use the API authentication mode so grants are visible and auditable.',
  },
  'control-plane-firewall': {
    owner: 'shared',
    providerDoes:
      'Creates the cluster security group with rules for node-to-control-plane traffic.',
    customerConfigures: 'Keep added rules limited (no 0.0.0.0/0, only 443).',
  },
  'control-plane-identity': {
    owner: 'customer',
    providerDoes: 'Uses the role or identity the customer gives the control plane.',
    customerConfigures: 'Give the control plane a least-privilege role or a managed identity.',
  },
  'control-plane-logging': {
    owner: 'shared',
    providerDoes: 'Generates the control-plane component logs.',
    customerConfigures: 'Choose which log types are delivered to the cloud’s logging service.',
  },
  'control-plane-redundancy': {
    owner: 'shared',
    providerDoes: 'Runs the control plane; redundancy depends on the tier or location type chosen.',
    customerConfigures: 'Choose a regional cluster (GKE) or the Standard tier with SLA (AKS).',
    clouds: {
      gke: {
        providerDoes: 'Runs one control-plane replica for zonal clusters, three for regional ones.',
      },
      aks: { providerDoes: 'Runs the control plane; the Free tier has no financially backed SLA.' },
    },
  },
  dashboard: {
    owner: 'customer',
    providerDoes: NONE,
    customerConfigures: 'Keep the Kubernetes Dashboard add-on off.',
  },
  'default-network': {
    owner: 'customer',
    providerDoes: 'Creates a default network in new accounts and projects.',
    customerConfigures: 'Place clusters in a purpose-built network.',
  },
  'deletion-protection': {
    owner: 'customer',
    providerDoes: 'Offers deletion protection on the cluster.',
    customerConfigures: 'Turn it on for clusters that must not be deleted by mistake.',
  },
  'egress-control': {
    owner: 'customer',
    providerDoes:
      'Provides a default outbound path (load balancer) and supports user-defined routing.',
    customerConfigures: 'Route egress through a firewall or NAT you control.',
  },
  'extended-support-policy': {
    owner: 'shared',
    providerDoes: 'Offers extended support for older versions at extra cost.',
    customerConfigures: 'Decide whether clusters may drift into extended support.',
  },
  'external-secrets': {
    owner: 'customer',
    providerDoes: 'Provides the Key Vault secrets-store CSI driver add-on.',
    customerConfigures: 'Turn it on with secret rotation.',
  },
  'health-issues': {
    owner: 'shared',
    providerDoes: 'Reports health issues of the cluster and node groups.',
    customerConfigures: 'Fix the deleted roles, subnets or security groups they name.',
  },
  'identity-provider-groups': {
    owner: 'customer',
    providerDoes: 'Provides Google Groups for RBAC.',
    customerConfigures: 'Configure the security group so RBAC can use Google Groups.',
  },
  'image-admission-policy': {
    owner: 'customer',
    providerDoes: 'Provides Binary Authorization.',
    customerConfigures: 'Enforce a Binary Authorization policy on the cluster.',
  },
  'image-hygiene': {
    owner: 'customer',
    providerDoes: 'Provides Image Cleaner.',
    customerConfigures: 'Turn Image Cleaner on to remove unused vulnerable images from nodes.',
  },
  'image-scanning': {
    owner: 'customer',
    providerDoes: 'Provides registry and image scanning services.',
    customerConfigures: 'Turn scanning on for the registries the clusters pull from.',
  },
  'ingress-tls': {
    owner: 'customer',
    providerDoes: 'Provides TLS listeners and certificates for load balancers.',
    customerConfigures: 'Serve HTTPS (or redirect HTTP) on the cluster’s load balancers.',
  },
  'instance-metadata-protection': {
    owner: 'shared',
    providerDoes:
      'Provides IMDSv2 / metadata concealment and sets defaults on managed node templates.',
    customerConfigures:
      'Require IMDSv2 with hop limit 1 (EKS) or disable legacy metadata endpoints (GKE).',
  },
  'kubelet-readonly-port': {
    owner: 'shared',
    providerDoes: 'Disables the read-only port by default on new GKE versions.',
    customerConfigures: 'Keep it disabled on every node pool.',
  },
  'kubernetes-rbac': {
    owner: 'shared',
    providerDoes: 'Enables Kubernetes RBAC by default.',
    customerConfigures: 'Do not create clusters with RBAC disabled.',
  },
  'legacy-authorization': {
    owner: 'shared',
    providerDoes: 'Disables legacy ABAC by default.',
    customerConfigures: 'Keep legacy ABAC off.',
  },
  'maintenance-window': {
    owner: 'shared',
    providerDoes:
      'Applies upgrades and maintenance; honours a planned maintenance window when set.',
    customerConfigures: 'Set a planned maintenance window.',
  },
  monitoring: {
    owner: 'customer',
    providerDoes:
      'Provides managed monitoring (Cloud Monitoring, Container Insights, managed Prometheus).',
    customerConfigures: 'Turn monitoring on for every cluster.',
  },
  'network-flow-logging': {
    owner: 'customer',
    providerDoes: 'Provides intranode visibility and VPC flow logs.',
    customerConfigures: 'Turn them on for the cluster network.',
  },
  'network-plugin': {
    owner: 'customer',
    providerDoes: 'Provides kubenet and Azure CNI.',
    customerConfigures: 'Use Azure CNI (needed for Azure NetworkPolicy).',
  },
  'network-policy': {
    owner: 'customer',
    providerDoes: 'Provides a NetworkPolicy engine (VPC CNI, Dataplane V2/Calico, Azure/Cilium).',
    customerConfigures: 'Turn enforcement on; write the policies inside the cluster.',
  },
  'node-access-scopes': {
    owner: 'customer',
    providerDoes: 'Applies the OAuth scopes chosen for each node pool.',
    customerConfigures:
      'Avoid the full cloud-platform scope with a privileged node service account.',
  },
  'node-auto-repair': {
    owner: 'shared',
    providerDoes: 'Repairs unhealthy nodes when auto-repair is on (always on Autopilot).',
    customerConfigures: 'Keep auto-repair on for every node pool.',
  },
  'node-auto-upgrade': {
    owner: 'shared',
    providerDoes:
      'Builds patched node images and upgrades nodes when the channel or auto-upgrade is on.',
    customerConfigures: 'Turn node auto-upgrade (or a node OS upgrade channel) on.',
  },
  'node-disk-encryption': {
    owner: 'shared',
    providerDoes: 'Encrypts disks at rest with platform-managed keys by default.',
    customerConfigures:
      'Require encryption (EKS launch templates) or use customer-managed keys and host encryption.',
  },
  'node-iam-privileges': {
    owner: 'customer',
    providerDoes: 'Attaches the role or identity the customer gives the nodes.',
    customerConfigures: 'Keep node roles to the minimum policies (no admin, no registry write).',
  },
  'node-integrity-monitoring': {
    owner: 'shared',
    providerDoes: 'Provides Shielded VM integrity monitoring (on by default for new pools).',
    customerConfigures: 'Keep integrity monitoring on for every node pool.',
  },
  'node-integrity': {
    owner: 'shared',
    providerDoes: 'Provides Shielded / Trusted Launch VMs for nodes.',
    customerConfigures: 'Turn them on for the cluster and its node pools.',
  },
  'node-network-exposure': {
    owner: 'customer',
    providerDoes: 'Creates the rules that node and load-balancer traffic need.',
    customerConfigures: 'Keep firewall and NSG rules from opening nodes to the Internet.',
  },
  'node-os-image': {
    owner: 'shared',
    providerDoes: 'Builds and patches the node OS images (Container-Optimized OS).',
    customerConfigures: 'Choose the hardened image for every node pool.',
  },
  'node-remote-access': {
    owner: 'customer',
    providerDoes:
      'Opens SSH only when the customer gives a key (EKS opens it to 0.0.0.0/0 without a source group).',
    customerConfigures: 'Disable SSH to nodes or restrict its source.',
  },
  'node-resource-lockdown': {
    owner: 'customer',
    providerDoes: 'Offers a read-only lock on the node resource group.',
    customerConfigures: 'Turn the lock on.',
  },
  'node-secure-boot': {
    owner: 'customer',
    providerDoes: 'Provides Secure Boot on Shielded nodes.',
    customerConfigures: 'Turn Secure Boot on for every node pool.',
  },
  'node-service-account': {
    owner: 'customer',
    providerDoes: 'Uses the Compute Engine default service account unless another is given.',
    customerConfigures: 'Give nodes a dedicated least-privilege service account.',
  },
  'node-version-skew': {
    owner: 'shared',
    providerDoes: 'Supports a bounded version skew between control plane and nodes.',
    customerConfigures: 'Upgrade node pools after the control plane.',
  },
  'non-production-addons': {
    owner: 'customer',
    providerDoes: 'Offers the HTTP application routing add-on (not for production).',
    customerConfigures: 'Keep it off.',
  },
  'platform-version': {
    owner: 'shared',
    providerDoes: 'Rolls out new platform versions to existing clusters over time.',
    customerConfigures: 'Nothing to set; a lagging platform version is reported for awareness.',
  },
  'private-nodes': {
    owner: 'customer',
    providerDoes: 'Places nodes as configured; private nodes are an option.',
    customerConfigures: 'Give nodes no public IPs and no route from the Internet.',
    clouds: {
      gke: {
        owner: 'customer',
        providerDoes:
          'Places nodes as configured; on Autopilot Google manages the nodes but not their network exposure.',
      },
    },
  },
  'private-service-access': {
    owner: 'customer',
    providerDoes: 'Provides Private Google Access on subnets.',
    customerConfigures: 'Turn it on for the node subnet.',
  },
  'registry-access': {
    owner: 'customer',
    providerDoes: 'Provides the registry and its access policies.',
    customerConfigures: 'Restrict who can push images; give clusters read-only access.',
  },
  'resource-labels': {
    owner: 'customer',
    providerDoes: NONE,
    customerConfigures: 'Label clusters with owner and scope.',
  },
  'resource-tagging': {
    owner: 'customer',
    providerDoes: NONE,
    customerConfigures: 'Tag clusters with owner and scope.',
  },
  'run-command': {
    owner: 'customer',
    providerDoes: 'Provides the command-invoke (run command) feature, on by default.',
    customerConfigures: 'Disable run command if you do not use it.',
  },
  'runtime-threat-detection': {
    owner: 'customer',
    providerDoes:
      'Provides runtime threat detection (GuardDuty Runtime Monitoring, Defender sensor).',
    customerConfigures: 'Turn it on for the clusters.',
  },
  'secrets-encryption-key': {
    owner: 'customer',
    providerDoes: 'Uses the KMS key the customer names.',
    customerConfigures:
      'Keep the key customer-managed, enabled, rotated and with a narrow key policy.',
  },
  'secrets-encryption': {
    owner: 'shared',
    providerDoes: 'Encrypts etcd storage at rest with provider-managed keys by default.',
    customerConfigures: 'Add envelope encryption of Secrets with a key you manage.',
    clouds: {
      eks: {
        providerDoes:
          'Envelope-encrypts all Kubernetes API data with an AWS-owned key on Kubernetes 1.28 and later.',
        customerConfigures: 'Name your own KMS key for Secrets to control and audit its use.',
      },
    },
  },
  'security-posture': {
    owner: 'customer',
    providerDoes:
      'Provides the GKE security posture dashboard and workload vulnerability scanning.',
    customerConfigures: 'Turn the security posture features on.',
  },
  'static-cluster-credentials': {
    owner: 'shared',
    providerDoes: 'Disables basic auth and client certificates by default on current versions.',
    customerConfigures: 'Keep static credentials (local accounts, client certs) off.',
    clouds: {
      aks: {
        providerDoes: 'Creates local admin accounts unless the customer disables them.',
        customerConfigures: 'Disable local accounts.',
      },
    },
  },
  'supported-version': {
    owner: 'shared',
    providerDoes:
      'Publishes the support calendar and upgrades clusters that reach the end of support.',
    customerConfigures: 'Upgrade before the end of standard support.',
  },
  tagging: {
    owner: 'customer',
    providerDoes: NONE,
    customerConfigures: 'Tag clusters and identity-provider configurations.',
  },
  'threat-detection': {
    owner: 'customer',
    providerDoes:
      'Provides the managed threat-detection plan (GuardDuty EKS Protection, Defender for Containers).',
    customerConfigures: 'Turn the plan on for the account or subscription.',
  },
  'upgrade-channel': {
    owner: 'shared',
    providerDoes: 'Upgrades clusters automatically along the chosen release channel.',
    customerConfigures: 'Enrol the cluster in a release or upgrade channel.',
  },
  'upgrade-notifications': {
    owner: 'customer',
    providerDoes: 'Publishes upgrade notifications to Pub/Sub when configured.',
    customerConfigures: 'Configure cluster notifications.',
  },
  'volume-encryption': {
    owner: 'shared',
    providerDoes: 'Encrypts persistent disks with Google-managed keys by default.',
    customerConfigures: 'Use customer-managed keys for disks of regulated data.',
  },
  'vpc-native-networking': {
    owner: 'customer',
    providerDoes: 'Creates VPC-native clusters by default on current versions.',
    customerConfigures: 'Do not use routes-based clusters.',
  },
  'workload-identity-scope': {
    owner: 'customer',
    providerDoes: 'Issues pod tokens for the cluster’s OIDC issuer.',
    customerConfigures: 'Scope IAM role trust to the service account (sub and aud conditions).',
  },
  'workload-identity': {
    owner: 'customer',
    providerDoes: 'Provides workload identity federation for pods.',
    customerConfigures: 'Turn it on and give workloads their own identities.',
  },
  'workload-sandbox': {
    owner: 'customer',
    providerDoes: 'Provides GKE Sandbox (gVisor) node pools.',
    customerConfigures: 'Run untrusted workloads in sandboxed node pools.',
  },
};
