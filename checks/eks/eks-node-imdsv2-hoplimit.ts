import type { EksCheck } from '../../core/check';
import { ev, fail, pass, readPart, unknown } from '../../core/outcome';
import { launchTemplateVersionOf } from './lib/launch-template';
import { eachNodegroup } from './lib/nodegroups';

const VERSIONS = 'parts.launchTemplateVersions.value';

export const eksNodeImdsv2Hoplimit: EksCheck = {
  meta: {
    id: 'eks-node-imdsv2-hoplimit',
    provider: 'eks',
    title: 'EKS node groups require IMDSv2 with a hop limit of 1',
    severity: 'high',
    family: 'instance-metadata-protection',
    categories: ['iam'],
    risk: 'With IMDSv1 allowed, or IMDSv2 reachable from pods (hop limit above 1), any pod can read the node role credentials from the instance metadata service and act with the node IAM role.',
    remediation: {
      summary:
        'Use a launch template with MetadataOptions HttpTokens=required and HttpPutResponseHopLimit=1 (give pods IRSA or Pod Identity instead), then roll the node group to that version.',
      cli: 'aws ec2 create-launch-template-version --launch-template-id <lt-id> --source-version <n> --launch-template-data \'{"MetadataOptions":{"HttpTokens":"required","HttpPutResponseHopLimit":1}}\'',
      iac: 'CDK: new ec2.LaunchTemplate(this, "Nodes", { requireImdsv2: true, httpPutResponseHopLimit: 1 }); Terraform aws_launch_template: metadata_options { http_tokens = "required", http_put_response_hop_limit = 1 }',
      url: 'https://docs.aws.amazon.com/eks/latest/best-practices/identity-and-access-management.html',
    },
    frameworks: { 'cis-eks-1.8.0': ['5.2.1'] },
    reads: ['eks:DescribeNodegroup', 'ec2:DescribeLaunchTemplateVersions'],
  },
  evaluate(snapshot) {
    const { ref, parts } = snapshot;
    const templates = parts.launchTemplateVersions;
    return eachNodegroup(snapshot, (nodegroup, path, subject) => {
      const name = `Node group ${subject.name} of cluster ${ref.name}`;
      const spec = nodegroup.launchTemplate;
      if (!spec) {
        // Without a launch template EKS generates one whose metadata options the API does not
        // show (DescribeNodegroup has no IMDS fields), so the setting cannot be read here.
        return unknown(
          `${name} has no launch template of its own; the metadata options of the template EKS generates are not exposed by DescribeNodegroup.`,
          [ev(`${path}.launchTemplate`, spec)],
          subject,
        );
      }
      const read = readPart(templates, `Launch template ${spec.id ?? spec.name}`, VERSIONS);
      if (!read.ok) return { ...read.outcome, subject };
      const found = launchTemplateVersionOf(nodegroup, read.value);
      if (!found) {
        return unknown(
          `${name} uses launch template ${spec.id ?? spec.name} version ${spec.version ?? '$Default'}, which is not among the versions collected.`,
          [ev(`${path}.launchTemplate`, spec)],
          subject,
        );
      }
      const at = `${VERSIONS}[${found.index}].LaunchTemplateData.MetadataOptions`;
      const options = found.version.LaunchTemplateData?.MetadataOptions;
      const tokens = options?.HttpTokens;
      const hops = options?.HttpPutResponseHopLimit;
      const endpoint = options?.HttpEndpoint;
      const evidence = [
        ev(`${path}.launchTemplate`, spec),
        ev(`${at}.HttpTokens`, tokens),
        ev(`${at}.HttpPutResponseHopLimit`, hops),
      ];
      if (endpoint === 'disabled') {
        evidence.push(ev(`${at}.HttpEndpoint`, endpoint));
        return pass(`${name} turns the instance metadata endpoint off.`, evidence, subject);
      }
      const problems: string[] = [];
      if (tokens === 'optional') problems.push('IMDSv1 is allowed (HttpTokens=optional)');
      if (hops !== undefined && hops > 1)
        problems.push(`pods can reach IMDS (HttpPutResponseHopLimit=${hops})`);
      if (problems.length > 0) return fail(`${name}: ${problems.join('; ')}.`, evidence, subject);
      // Unset options fall back to the AMI's ImdsSupport and the account's metadata defaults.
      if (tokens === undefined || hops === undefined) {
        return unknown(
          `${name}: the launch template leaves ${[tokens === undefined ? 'HttpTokens' : '', hops === undefined ? 'HttpPutResponseHopLimit' : ''].filter(Boolean).join(' and ')} unset, so the AMI or account default decides.`,
          evidence,
          subject,
        );
      }
      return pass(`${name} requires IMDSv2 with hop limit ${hops}.`, evidence, subject);
    });
  },
};
