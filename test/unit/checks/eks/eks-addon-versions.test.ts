import { describe, expect, it } from 'vitest';
import { eksAddonVersions as check } from '../../../../checks/eks/eks-addon-versions';
import { collected } from '../../../../core/snapshot';
import type { EksAddon, EksAddonInfo } from '../../../../core/snapshot-eks';
import {
  describeAddonExample,
  describeClusterExample,
  eksSnapshot,
  evaluate,
} from '../../../builders/eks';
import { fixture } from '../../../fixture';

/**
 * A DescribeAddonVersions answer for vpc-cni in the shape of the EKS API model, built on the
 * version list of the AWS CLI docs, with `defaultVersion` as the default for Kubernetes 1.26.
 */
function catalog(defaultVersion: string): EksAddonInfo[] {
  const versions = fixture<string[]>('aws/eks/describe-addon-versions.3.json');
  return [
    {
      addonName: 'vpc-cni',
      type: 'networking',
      owner: 'aws',
      addonVersions: versions.map((addonVersion) => ({
        addonVersion,
        architecture: ['amd64', 'arm64'],
        compatibilities: [
          {
            clusterVersion: '1.26',
            platformVersions: ['*'],
            defaultVersion: addonVersion === defaultVersion,
          },
        ],
        requiresConfiguration: false,
      })),
    },
  ];
}

function snapshot(addons: EksAddon[], infos?: EksAddonInfo[]) {
  return eksSnapshot(describeClusterExample(), {
    addons: collected(addons, ['eks:ListAddons', 'eks:DescribeAddon']),
    ...(infos ? { addonVersions: collected(infos, ['eks:DescribeAddonVersions']) } : {}),
  });
}

describe('eks-addon-versions', () => {
  it('passes the docs vpc-cni (v1.16.4-eksbuild.2) when it is the default for 1.26', () => {
    const [result] = evaluate(
      check,
      snapshot([describeAddonExample()], catalog('v1.16.4-eksbuild.2')),
    );
    expect(result?.status).toBe('pass');
    expect(result?.subject?.name).toBe('vpc-cni');
  });

  it('fails an add-on older than the default, comparing numerically (1.16 < 1.18)', () => {
    const [result] = evaluate(
      check,
      snapshot([describeAddonExample()], catalog('v1.18.0-eksbuild.1')),
    );
    expect(result?.status).toBe('fail');
    expect(result?.message).toContain('older than the default v1.18.0-eksbuild.1');
  });

  it('fails a degraded add-on, quoting its issues', () => {
    const addon = describeAddonExample();
    addon.status = 'DEGRADED';
    addon.health = {
      issues: [
        {
          code: 'InsufficientNumberOfReplicas',
          message:
            "The add-on is unhealthy because it doesn't have the desired number of replicas.",
        },
      ],
    };
    const [result] = evaluate(check, snapshot([addon]));
    expect(result?.status).toBe('fail');
    expect(result?.message).toContain('InsufficientNumberOfReplicas');
  });

  it('is unknown for a healthy add-on when the version catalog was not collected', () => {
    expect(evaluate(check, snapshot([describeAddonExample()]))[0]?.status).toBe('unknown');
  });

  it('is not applicable without add-ons and unknown when they were not collected', () => {
    expect(evaluate(check, snapshot([]))[0]?.status).toBe('not_applicable');
    expect(evaluate(check, eksSnapshot())[0]?.status).toBe('unknown');
  });
});
