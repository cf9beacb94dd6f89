import * as z from 'zod';

/**
 * Schemas of the `related` objects an estate may hold, per cloud and level. A route that serves
 * a related object adds its key here (one line) and reads it back with `relatedOf` (state.ts);
 * the estate loader rejects keys that are not listed, naming them, so typos do not pass silently.
 *
 * Values are written in the wire format of the API that returns them.
 */
export const RELATED_SCHEMAS = {
  aws: {
    account: {
      /** iam ListOpenIDConnectProviders `OpenIDConnectProviderList[].Arn`. */
      oidcProviderArns: z.array(z.string().startsWith('arn:')),
    } as Record<string, z.ZodType>,
    region: {
      /** eks DescribeAddonVersions `addons` (every version; filtered by the request). */
      addonVersions: z.array(z.looseObject({ addonName: z.string().min(1) })),
      /** ec2 DescribeVpcs `Vpcs`. */
      vpcs: z.array(z.looseObject({ VpcId: z.string().startsWith('vpc-') })),
      /** ec2 DescribeSubnets `Subnets`. */
      subnets: z.array(z.looseObject({ SubnetId: z.string().startsWith('subnet-') })),
      /** ec2 DescribeRouteTables `RouteTables`. */
      routeTables: z.array(z.looseObject({ RouteTableId: z.string().startsWith('rtb-') })),
      /** ec2 DescribeSecurityGroupRules `SecurityGroupRules`. */
      securityGroupRules: z.array(z.looseObject({ GroupId: z.string().startsWith('sg-') })),
      /** ec2 DescribeLaunchTemplateVersions `LaunchTemplateVersions` (every version). */
      launchTemplateVersions: z.array(
        z.looseObject({
          LaunchTemplateId: z.string().startsWith('lt-'),
          VersionNumber: z.number(),
        }),
      ),
      /** ec2 GetEbsEncryptionByDefault `EbsEncryptionByDefault` (default false). */
      ebsEncryptionByDefault: z.boolean(),
      /** guardduty ListDetectors ids, each with its GetDetector response (CLI JSON). */
      guardDutyDetectors: z.array(
        z.strictObject({
          detectorId: z.string().min(1),
          detector: z.looseObject({ Status: z.enum(['ENABLED', 'DISABLED']) }),
        }),
      ),
      /** logs DescribeLogGroups `logGroups`. */
      logGroups: z.array(z.looseObject({ logGroupName: z.string().min(1) })),
      /** kms DescribeKey `KeyMetadata`, GetKeyRotationStatus and the `default` key policy (JSON). */
      kmsKeys: z.array(
        z.strictObject({
          metadata: z.looseObject({ KeyId: z.string().min(1), Arn: z.string().startsWith('arn:') }),
          rotationEnabled: z.boolean(),
          policy: z.looseObject({}),
        }),
      ),
      /** ecr GetRegistryScanningConfiguration `scanningConfiguration` (default: BASIC, no rules). */
      ecrScanningConfiguration: z.looseObject({ scanType: z.string() }),
      /** ecr DescribeRepositories `repositories` entries with their policy (JSON), if any. */
      ecrRepositories: z.array(
        z.strictObject({
          repository: z.looseObject({ repositoryName: z.string().min(1) }),
          policy: z.looseObject({}).optional(),
        }),
      ),
      /** elbv2 DescribeLoadBalancers entries with DescribeTags `Tags` and DescribeListeners. */
      loadBalancers: z.array(
        z.strictObject({
          loadBalancer: z.looseObject({ LoadBalancerArn: z.string().startsWith('arn:') }),
          tags: z.array(z.strictObject({ Key: z.string(), Value: z.string().optional() })),
          listeners: z.array(z.looseObject({})).default([]),
        }),
      ),
    } as Record<string, z.ZodType>,
    cluster: {
      /** eks DescribeAccessEntry `accessEntry` with its ListAssociatedAccessPolicies entries. */
      accessEntries: z.array(
        z.strictObject({
          entry: z.looseObject({ principalArn: z.string().startsWith('arn:') }),
          associatedAccessPolicies: z.array(z.looseObject({ policyArn: z.string() })).default([]),
        }),
      ),
      /** eks DescribeAddon `addon` entries. */
      addons: z.array(z.looseObject({ addonName: z.string().min(1) })),
      /** eks DescribeFargateProfile `fargateProfile` entries. */
      fargateProfiles: z.array(z.looseObject({ fargateProfileName: z.string().min(1) })),
      /** eks DescribePodIdentityAssociation `association` entries. */
      podIdentityAssociations: z.array(
        z.looseObject({
          associationId: z.string().min(1),
          namespace: z.string().min(1),
          serviceAccount: z.string().min(1),
        }),
      ),
      /** eks DescribeIdentityProviderConfig `identityProviderConfig` entries (OIDC). */
      identityProviderConfigs: z.array(
        z.strictObject({
          oidc: z.looseObject({ identityProviderConfigName: z.string().min(1) }),
        }),
      ),
    } as Record<string, z.ZodType>,
  },
  gcp: {
    project: {
      /** cloudresourcemanager v1 `Policy` (projects.getIamPolicy). */
      iamPolicy: z.looseObject({
        bindings: z.array(z.looseObject({ role: z.string() })).optional(),
      }),
      /** compute v1 `Firewall` list of the project's networks (firewalls.list). */
      firewalls: z.array(z.looseObject({ name: z.string().min(1) })),
      /** compute v1 `Subnetwork`s (subnetworks.get); `region` is the region name. */
      subnetworks: z.array(z.looseObject({ name: z.string().min(1), region: z.string().min(1) })),
      /** compute v1 `Disk`s (disks.aggregatedList); `zone` is the zone name. */
      disks: z.array(z.looseObject({ name: z.string().min(1), zone: z.string().min(1) })),
      /** serviceusage: the names of the enabled services. */
      enabledServices: z.array(z.string().min(1)),
      /** container v1 `ServerConfig` of every location (projects.locations.getServerConfig). */
      serverConfig: z.looseObject({}),
    } as Record<string, z.ZodType>,
    cluster: {
      /** container v1 `ClusterUpgradeInfo` (clusters.fetchClusterUpgradeInfo). */
      upgradeInfo: z.looseObject({}),
    } as Record<string, z.ZodType>,
  },
  azure: {
    subscription: {
      /** Role assignments at the subscription and below (scope prefixes decide inheritance). */
      roleAssignments: z.array(
        z.looseObject({ id: z.string(), properties: z.looseObject({ scope: z.string() }) }),
      ),
      /** Custom and built-in role definitions, served by GUID. */
      roleDefinitions: z.array(z.looseObject({ name: z.string() })),
      /** `Microsoft.Security/pricings/Containers` (default: the Free tier). */
      defenderPricing: z.looseObject({ name: z.string() }),
      /** `ListKubernetesVersions` result (`{ values: [...] }`) for every location. */
      kubernetesVersions: z.looseObject({
        values: z.array(z.looseObject({ version: z.string() })),
      }),
      /** Subnets, NSGs and registries, each with its ARM id. */
      subnets: z.array(z.looseObject({ id: z.string() })),
      networkSecurityGroups: z.array(z.looseObject({ id: z.string() })),
      containerRegistries: z.array(z.looseObject({ id: z.string() })),
    } as Record<string, z.ZodType>,
    cluster: {
      /** `{cluster}/providers/Microsoft.Insights/diagnosticSettings` entries. */
      diagnosticSettings: z.array(z.looseObject({ name: z.string() })),
      /** `{cluster}/maintenanceConfigurations` entries. */
      maintenanceConfigurations: z.array(z.looseObject({ name: z.string() })),
    } as Record<string, z.ZodType>,
  },
};

export type RelatedLevel =
  | ['aws', keyof typeof RELATED_SCHEMAS.aws]
  | ['gcp', keyof typeof RELATED_SCHEMAS.gcp]
  | ['azure', keyof typeof RELATED_SCHEMAS.azure];

/** Schemas registered for a level. */
export function relatedSchemas(level: RelatedLevel): Record<string, z.ZodType> {
  const [cloud, where] = level;
  const byCloud = RELATED_SCHEMAS[cloud] as Record<string, Record<string, z.ZodType>>;
  return byCloud[where] ?? {};
}

/** The `related` field of an estate object: keys validated against `RELATED_SCHEMAS`. */
export function relatedField(level: RelatedLevel) {
  return z
    .record(z.string(), z.unknown())
    .superRefine((value, ctx) => {
      const schemas = relatedSchemas(level);
      for (const [key, v] of Object.entries(value)) {
        const schema = schemas[key];
        if (!schema) {
          const known = Object.keys(schemas);
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: `unknown related object for ${level.join(' ')} (known: ${known.length > 0 ? known.join(', ') : 'none yet'})`,
          });
          continue;
        }
        const r = schema.safeParse(v);
        if (!r.success) {
          for (const issue of r.error.issues) {
            ctx.addIssue({ code: 'custom', path: [key, ...issue.path], message: issue.message });
          }
        }
      }
    })
    .optional();
}
