// Compute Engine v1 REST JSON objects the GKE checks read, written by hand from the Compute API
// reference (firewalls, subnetworks, disks resources); the Compute discovery document is not
// vendored. Field names are the API's. Proto3 JSON: defaults are omitted, so every field is
// optional.

/** One protocol/ports entry of a firewall rule's `allowed` or `denied` list. */
export interface FirewallRuleEntry {
  /** `tcp`, `udp`, `icmp`, `esp`, `ah`, `sctp`, `ipip`, `all`, or an IP protocol number. */
  IPProtocol?: string;
  /** Ports or ranges (`"22"`, `"1000-2000"`); absent means every port. */
  ports?: string[];
}

/** `compute.firewalls` resource. */
export interface ComputeFirewall {
  id?: string;
  name?: string;
  description?: string;
  /** Full or partial URL of the network: `.../projects/P/global/networks/N`. */
  network?: string;
  /** Lower is higher precedence (0-65535); default 1000. */
  priority?: number;
  sourceRanges?: string[];
  destinationRanges?: string[];
  sourceTags?: string[];
  targetTags?: string[];
  sourceServiceAccounts?: string[];
  targetServiceAccounts?: string[];
  allowed?: FirewallRuleEntry[];
  denied?: FirewallRuleEntry[];
  /** `INGRESS` (default) or `EGRESS`. */
  direction?: 'INGRESS' | 'EGRESS';
  logConfig?: { enable?: boolean; metadata?: string };
  /** A disabled rule is not enforced. */
  disabled?: boolean;
  selfLink?: string;
}

/** `compute.firewalls.list` page. */
export interface ComputeFirewallList {
  items?: ComputeFirewall[];
  nextPageToken?: string;
}

/** `compute.subnetworks` resource. */
export interface ComputeSubnetwork {
  id?: string;
  name?: string;
  network?: string;
  region?: string;
  ipCidrRange?: string;
  /** VMs without external IPs in this subnetwork can reach Google APIs. */
  privateIpGoogleAccess?: boolean;
  /** VPC Flow Logs; `enable` absent means off. */
  logConfig?: {
    enable?: boolean;
    aggregationInterval?: string;
    flowSampling?: number;
    metadata?: string;
  };
  purpose?: string;
  secondaryIpRanges?: { rangeName?: string; ipCidrRange?: string }[];
  selfLink?: string;
}

/** `compute.disks` resource (the fields the checks read). */
export interface ComputeDisk {
  id?: string;
  name?: string;
  /** Zone URL of a zonal disk. */
  zone?: string;
  /** Region URL of a regional disk. */
  region?: string;
  description?: string;
  labels?: Record<string, string>;
  sizeGb?: string;
  type?: string;
  /** Absent: Google-managed encryption. `kmsKeyName` set: CMEK. */
  diskEncryptionKey?: { kmsKeyName?: string; kmsKeyServiceAccount?: string; sha256?: string };
  users?: string[];
  selfLink?: string;
}

/** `compute.disks.aggregatedList` page: items keyed by `zones/Z` or `regions/R`. */
export interface ComputeDiskAggregatedList {
  items?: Record<string, { disks?: ComputeDisk[]; warning?: { code?: string; message?: string } }>;
  nextPageToken?: string;
}
