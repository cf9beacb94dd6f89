import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as z from 'zod';
import { FaultRule } from './faults';
import { relatedField } from './related';

/**
 * The estate a sandbox serves: every object written in its own API's wire format (see
 * sandbox/README.md). Unknown keys are errors except inside API objects, which keep every field
 * the real API may return.
 */

const AwsAccountId = z.string().regex(/^\d{12}$/, 'expected a 12-digit AWS account id');
const AwsRegion = z
  .string()
  .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'expected an AWS region such as eu-west-1');
const Uuid = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'expected a GUID');
const JsonObject = z.record(z.string(), z.unknown());

/** EKS DescribeCluster `cluster`, as `aws eks describe-cluster` prints it (ISO timestamps). */
const EksClusterJson = z.looseObject({ name: z.string().min(1), arn: z.string().optional() });
/** EKS DescribeNodegroup `nodegroup`. */
const EksNodegroupJson = z.looseObject({
  nodegroupName: z.string().min(1),
  clusterName: z.string().optional(),
});
/** One entry of EKS DescribeClusterVersions `clusterVersions`. */
const EksClusterVersionJson = z.looseObject({ clusterVersion: z.string().min(1) });

const EksClusterEntry = z.strictObject({
  cluster: EksClusterJson,
  nodegroups: z.array(EksNodegroupJson).default([]),
  related: relatedField(['aws', 'cluster']),
});

const AwsRegionEntry = z.strictObject({
  clusters: z.array(EksClusterEntry).default([]),
  /** Overrides `aws.clusterVersions` for this region. */
  clusterVersions: z.array(EksClusterVersionJson).optional(),
  related: relatedField(['aws', 'region']),
});

/** IAM GetRole `Role`, with `AssumeRolePolicyDocument` as a JSON object (served URL-encoded). */
const IamRoleJson = z.looseObject({
  RoleName: z.string().min(1),
  Arn: z.string().startsWith('arn:'),
  AssumeRolePolicyDocument: JsonObject.optional(),
});
const IamRoleEntry = z.strictObject({
  role: IamRoleJson,
  /** ListAttachedRolePolicies `AttachedPolicies` entries. */
  attachedPolicies: z
    .array(
      z.strictObject({ PolicyName: z.string().min(1), PolicyArn: z.string().startsWith('arn:') }),
    )
    .default([]),
  /** Inline policies by name, documents as JSON objects (served URL-encoded like GetRole). */
  inlinePolicies: z.record(z.string(), JsonObject).default({}),
});

/**
 * A customer managed policy: IAM GetPolicy `Policy` and the document of its default version
 * (a JSON object, served URL-encoded by GetPolicyVersion like every IAM policy document).
 */
const IamPolicyEntry = z.strictObject({
  policy: z.looseObject({
    PolicyName: z.string().min(1),
    Arn: z.string().startsWith('arn:'),
    DefaultVersionId: z.string().regex(/^v\d+$/, 'expected a policy version id such as v1'),
  }),
  document: JsonObject,
});

const AwsAccount = z.strictObject({
  /** The Organizations OU (`ou-...`) or root (`r-...`) the account is in (default: the root). */
  parentId: z
    .string()
    .regex(/^(r|ou)-[0-9a-z-]+$/, 'expected an OU or root id')
    .optional(),
  /** Organizations `Account.Name` (default: the account id). */
  name: z.string().min(1).optional(),
  email: z.string().min(3).optional(),
  status: z.enum(['ACTIVE', 'SUSPENDED', 'PENDING_CLOSURE']).default('ACTIVE'),
  /** The enabled regions (Account ListRegions, EC2 DescribeRegions); default: the keys of `regions`. */
  enabledRegions: z.array(AwsRegion).optional(),
  regions: z.record(AwsRegion, AwsRegionEntry).default({}),
  iam: z
    .strictObject({
      roles: z.array(IamRoleEntry).default([]),
      /** Customer managed policies (GetPolicy, GetPolicyVersion of the default version). */
      policies: z.array(IamPolicyEntry).default([]),
    })
    .default({ roles: [], policies: [] }),
  /** false: STS GetWebIdentityToken answers OutboundWebIdentityFederationDisabled. */
  outboundWebIdentityFederation: z.boolean().default(true),
  /** Secrets Manager SecretString values by complete secret ARN (test values only). */
  secrets: z.record(z.string().startsWith('arn:'), z.string()).default({}),
  /** SSM parameter values by name. */
  parameters: z.record(z.string().startsWith('/'), z.string()).default({}),
  related: relatedField(['aws', 'account']),
});

const AwsEstate = z.strictObject({
  /** The account of credentials that were not obtained from the sandbox's AssumeRole. */
  callerAccount: AwsAccountId.optional(),
  /** The Organizations management account; ListAccounts answers only there. */
  organization: z
    .strictObject({
      managementAccount: AwsAccountId,
      /** The OU tree under the root (`r-sbx0`): each OU names its parent OU or the root. */
      organizationalUnits: z
        .array(
          z.strictObject({
            id: z.string().regex(/^ou-[0-9a-z-]+$/, 'expected an OU id such as ou-ab12-cd34ef56'),
            name: z.string().min(1),
            parentId: z.string().regex(/^(r|ou)-[0-9a-z-]+$/, 'expected an OU or root id'),
          }),
        )
        .default([]),
    })
    .optional(),
  /** DescribeClusterVersions `clusterVersions` for every region. */
  clusterVersions: z.array(EksClusterVersionJson).default([]),
  accounts: z.record(AwsAccountId, AwsAccount),
});

/** GKE v1 `Cluster` REST JSON (`gcloud container clusters describe --format=json`). */
const GkeClusterJson = z.looseObject({ name: z.string().min(1), location: z.string().min(1) });
/** A Resource Manager parent: `organizations/123` or `folders/456`. */
const GcpParent = z
  .string()
  .regex(/^(organizations|folders)\/\d+$/, 'expected organizations/<id> or folders/<id>');
const GcpProject = z.strictObject({
  /** Resource Manager v3 `parent` (default: none, a project outside any organization). */
  parent: GcpParent.optional(),
  /** Resource Manager v3 `state`. */
  state: z.enum(['ACTIVE', 'DELETE_REQUESTED']).default('ACTIVE'),
  projectNumber: z
    .string()
    .regex(/^\d+$/, 'expected the project number as a string of digits')
    .optional(),
  /** Zones the list call reports as unreachable (`missingZones`). */
  missingZones: z.array(z.string()).default([]),
  clusters: z
    .array(z.strictObject({ cluster: GkeClusterJson, related: relatedField(['gcp', 'cluster']) }))
    .default([]),
  related: relatedField(['gcp', 'project']),
});
/**
 * The Workload Identity Federation the sandbox's Google STS enforces. Absent: any well-formed
 * pool provider audience and any signed AWS caller are accepted.
 */
const GcpWorkloadIdentity = z.strictObject({
  /** The pool provider (`//iam.googleapis.com/projects/N/locations/global/...`). */
  audience: z.string().startsWith('//iam.googleapis.com/projects/').optional(),
  /**
   * The attribute condition: `attribute.aws_role` (the assumed-role ARN without its session,
   * `arn:aws:sts::ACCOUNT:assumed-role/ROLE`) must be one of these.
   */
  allowedAwsRoles: z.array(z.string().startsWith('arn:aws:sts::')).optional(),
  /** Service accounts the federated principal may impersonate; absent: any. */
  serviceAccounts: z.array(z.email()).optional(),
});
/** A PEM public key (SPKI, or PKCS#1 RSA) node:crypto can read. */
const PemPublicKey = z.string().refine(
  (pem) => {
    try {
      return createPublicKey(pem).asymmetricKeyType === 'rsa';
    } catch {
      return false;
    }
  },
  { message: 'expected an RSA public key in PEM (-----BEGIN PUBLIC KEY-----)' },
);
/**
 * A key of a service account, as Google holds it after `gcloud iam service-accounts keys create`
 * (or `keys upload`): its id and public half. The OAuth token endpoint accepts an assertion signed
 * with the private half.
 */
const GcpServiceAccountKey = z.strictObject({
  serviceAccount: z.email(),
  /** `private_key_id` of the key file. */
  keyId: z.string().min(1),
  publicKey: PemPublicKey,
});
const GcpEstate = z.strictObject({
  workloadIdentity: GcpWorkloadIdentity.optional(),
  /** Service-account keys the OAuth token endpoint (`POST /token`) accepts assertions of. */
  serviceAccountKeys: z.array(GcpServiceAccountKey).default([]),
  /** The folders of the organization (Resource Manager v3), each under a folder or the org. */
  folders: z
    .array(
      z.strictObject({
        id: z.string().regex(/^\d+$/, 'expected a numeric folder id'),
        parent: GcpParent,
        displayName: z.string().min(1).optional(),
      }),
    )
    .default([]),
  projects: z.record(
    z.string().regex(/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/, 'expected a GCP project id'),
    GcpProject,
  ),
});

/** AKS `ManagedCluster` in ARM wire JSON (`properties.enableRBAC`). */
const ManagedClusterJson = z.looseObject({
  id: z.string().min(1),
  name: z.string().min(1),
  location: z.string().min(1),
  properties: z.looseObject({}),
});
const AzureSubscription = z.strictObject({
  displayName: z.string().min(1).optional(),
  state: z.enum(['Enabled', 'Warned', 'PastDue', 'Disabled', 'Deleted']).default('Enabled'),
  resourceGroups: z
    .array(z.strictObject({ name: z.string().min(1), location: z.string().min(1) }))
    .default([]),
  managedClusters: z
    .array(
      z.strictObject({ cluster: ManagedClusterJson, related: relatedField(['azure', 'cluster']) }),
    )
    .default([]),
  related: relatedField(['azure', 'subscription']),
});
/** An Entra federated identity credential of an app registration (or managed identity). */
const FederatedCredential = z.strictObject({
  /** The application (client) id the credential belongs to. */
  clientId: Uuid,
  /** The token issuer (the AWS account's outbound identity issuer URL). */
  issuer: z.string().min(1),
  /** The token subject: the AWS role ARN. */
  subject: z.string().min(1),
  audiences: z.array(z.string().min(1)).default(['api://AzureADTokenExchange']),
});
const AzureEstate = z.strictObject({
  tenantId: Uuid.default('00000000-0000-0000-0000-00000000aaaa'),
  /**
   * Federated credentials the Entra token endpoint trusts; absent: any token the sandbox's STS
   * signed is accepted for any client id.
   */
  federatedCredentials: z.array(FederatedCredential).optional(),
  /** Client secrets by client id (the opt-in fallback; test values only). */
  clientSecrets: z.record(Uuid, z.string().min(1)).optional(),
  /** Items per page of ARM list calls (`nextLink` paging). */
  pageSize: z.number().int().positive().default(100),
  subscriptions: z.record(Uuid, AzureSubscription),
});

const ARM_CLUSTER_ID =
  /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.ContainerService\/managedClusters\/([^/]+)$/i;

export const Estate = z
  .strictObject({
    /** Seed of probability-based faults. */
    seed: z.number().int().default(1),
    faults: z.array(FaultRule).default([]),
    aws: AwsEstate.optional(),
    gcp: GcpEstate.optional(),
    azure: AzureEstate.optional(),
  })
  .superRefine((estate, ctx) => {
    const issue = (path: (string | number)[], message: string): void => {
      ctx.addIssue({ code: 'custom', path, message });
    };
    const aws = estate.aws;
    if (aws) {
      const accounts = Object.keys(aws.accounts);
      if (aws.callerAccount && !accounts.includes(aws.callerAccount)) {
        issue(['aws', 'callerAccount'], `account ${aws.callerAccount} is not in aws.accounts`);
      }
      if (aws.organization && !accounts.includes(aws.organization.managementAccount)) {
        issue(
          ['aws', 'organization', 'managementAccount'],
          'the management account is not in aws.accounts',
        );
      }
      for (const [account, acct] of Object.entries(aws.accounts)) {
        for (const [region, entry] of Object.entries(acct.regions)) {
          const names = new Set<string>();
          entry.clusters.forEach(({ cluster, nodegroups }, i) => {
            const at = ['aws', 'accounts', account, 'regions', region, 'clusters', i];
            if (names.has(cluster.name))
              issue([...at, 'cluster', 'name'], `duplicate cluster name ${cluster.name}`);
            names.add(cluster.name);
            const want = `arn:aws:eks:${region}:${account}:cluster/${cluster.name}`;
            if (cluster.arn !== undefined && cluster.arn !== want) {
              issue(
                [...at, 'cluster', 'arn'],
                `expected ${want} (the ARN names the enclosing account, region and cluster)`,
              );
            }
            nodegroups.forEach((ng, j) => {
              if (ng.clusterName !== undefined && ng.clusterName !== cluster.name) {
                issue([...at, 'nodegroups', j, 'clusterName'], `expected ${cluster.name}`);
              }
            });
          });
        }
        acct.iam.roles.forEach(({ role }, i) => {
          if (!role.Arn.startsWith(`arn:aws:iam::${account}:role/`)) {
            issue(
              ['aws', 'accounts', account, 'iam', 'roles', i, 'role', 'Arn'],
              `expected a role ARN of account ${account}`,
            );
          }
        });
      }
    }
    for (const [project, p] of Object.entries(estate.gcp?.projects ?? {})) {
      const seen = new Set<string>();
      p.clusters.forEach(({ cluster }, i) => {
        const at = ['gcp', 'projects', project, 'clusters', i, 'cluster'];
        const key = `${cluster.location}/${cluster.name}`;
        if (seen.has(key)) issue([...at, 'name'], `duplicate cluster ${key}`);
        seen.add(key);
        const selfLink = cluster['selfLink'];
        if (typeof selfLink === 'string' && !selfLink.includes(`/projects/${project}/`)) {
          issue([...at, 'selfLink'], `expected a selfLink in project ${project}`);
        }
      });
    }
    for (const [sub, s] of Object.entries(estate.azure?.subscriptions ?? {})) {
      const groups = new Set(s.resourceGroups.map((g) => g.name.toLowerCase()));
      s.managedClusters.forEach(({ cluster }, i) => {
        const at = ['azure', 'subscriptions', sub, 'managedClusters', i, 'cluster'];
        const m = ARM_CLUSTER_ID.exec(cluster.id);
        if (!m || m[1]?.toLowerCase() !== sub.toLowerCase() || m[3] !== cluster.name) {
          issue(
            [...at, 'id'],
            `expected /subscriptions/${sub}/resourceGroups/<group>/providers/Microsoft.ContainerService/managedClusters/${cluster.name}`,
          );
        } else if (!groups.has((m[2] as string).toLowerCase())) {
          issue(
            [...at, 'id'],
            `resource group ${m[2]} is not in azure.subscriptions.${sub}.resourceGroups`,
          );
        }
        if ('enableRbac' in cluster.properties) {
          issue(
            [...at, 'properties', 'enableRbac'],
            'ARM wire JSON spells it enableRBAC (enableRbac is the SDK 25.x / az CLI spelling)',
          );
        }
      });
    }
  });

export type Estate = z.infer<typeof Estate>;
export type EstateInput = z.input<typeof Estate>;
export type AwsAccountEstate = z.infer<typeof AwsAccount>;
export type GcpProjectEstate = z.infer<typeof GcpProject>;
export type AzureSubscriptionEstate = z.infer<typeof AzureSubscription>;

/** An estate that failed validation; `issues` are `path: message` lines. */
export class EstateError extends Error {
  constructor(
    readonly source: string,
    readonly issues: string[],
  ) {
    super(`invalid estate ${source}:\n  ${issues.join('\n  ')}`);
    this.name = 'EstateError';
  }
}

/** `['aws','accounts','111122223333','regions','eu-west-1','clusters',0,'cluster','name']` → `aws.accounts.111122223333.regions.eu-west-1.clusters[0].cluster.name` */
function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(root)' : out;
}

/** Validates an estate object; `source` names it in errors. */
export function parseEstate(input: unknown, source = 'estate'): Estate {
  const result = Estate.safeParse(input);
  if (result.success) return result.data;
  throw new EstateError(
    source,
    result.error.issues.map((i) => {
      // A bad record key (an account id, a region) carries the key's own complaint inside.
      const inner = i.code === 'invalid_key' ? i.issues.map((k) => k.message).join('; ') : '';
      return `${formatPath(i.path)}: ${inner ? `invalid key: ${inner}` : i.message}`;
    }),
  );
}

/** Reads and validates an estate JSON file. */
export function loadEstate(file: string): Estate {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new EstateError(file, [`cannot read the file: ${(err as Error).message}`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new EstateError(file, [`not JSON: ${(err as Error).message}`]);
  }
  return parseEstate(json, file);
}
