import { describe, expect, it } from 'vitest';
import { eksEndpointPublicCidrsOpen as check } from '../../../../checks/eks/eks-endpoint-public-cidrs-open';
import { AuditConfig } from '../../../../core/config';
import {
  clusterExample,
  describeClusterExample,
  eksSnapshot,
  evalContext,
  evaluateOne,
} from '../../../builders/eks';

function withCidrs(cidrs: string[] | undefined) {
  const cluster = describeClusterExample();
  const vpc = { ...cluster.resourcesVpcConfig };
  if (cidrs === undefined) delete vpc.publicAccessCidrs;
  else vpc.publicAccessCidrs = cidrs;
  cluster.resourcesVpcConfig = vpc;
  return eksSnapshot(cluster);
}

describe('eks-endpoint-public-cidrs-open', () => {
  it('passes on the docs example, whose public endpoint allows a single /32', () => {
    const result = evaluateOne(check, eksSnapshot());
    expect(result.status).toBe('pass');
    expect(result.message).toContain('22.19.18.2/32');
    expect(result.evidence).toEqual([
      { path: 'cluster.resourcesVpcConfig.endpointPublicAccess', value: true },
      { path: 'cluster.resourcesVpcConfig.publicAccessCidrs', value: ['22.19.18.2/32'] },
    ]);
  });

  it('fails on the delete-cluster docs example, open to 0.0.0.0/0', () => {
    const result = evaluateOne(check, eksSnapshot(clusterExample('delete-cluster.json')));
    expect(result.status).toBe('fail');
    expect(result.message).toContain('0.0.0.0/0');
  });

  it.each([['0.0.0.0/1'], ['64.0.0.0/2'], ['128.0.0.0/1'], ['::/0'], ['2000::/3']])(
    'regression: fails on %s, not only on the literal 0.0.0.0/0 (Prowler bug)',
    (open) => {
      const result = evaluateOne(check, withCidrs(['22.19.18.2/32', open]));
      expect(result.status).toBe('fail');
      expect(result.message).toContain(open);
      expect(result.message).not.toContain('22.19.18.2/32');
    },
  );

  it('fails on an empty list, which EKS treats as 0.0.0.0/0', () => {
    const result = evaluateOne(check, withCidrs([]));
    expect(result.status).toBe('fail');
    expect(result.message).toContain('0.0.0.0/0');
  });

  it('fails when publicAccessCidrs is absent with the public endpoint on', () => {
    const result = evaluateOne(check, withCidrs(undefined));
    expect(result.status).toBe('fail');
    expect(result.evidence[1]).toEqual({
      path: 'cluster.resourcesVpcConfig.publicAccessCidrs',
      value: null,
      absent: true,
    });
  });

  it('honours the configured minimum prefix', () => {
    const snapshot = withCidrs(['10.0.0.0/12']);
    expect(evaluateOne(check, snapshot).status).toBe('pass');
    const ctx = { ...evalContext(), config: AuditConfig.parse({ eks: { openCidrMinPrefix: 16 } }) };
    expect(evaluateOne(check, snapshot, ctx).status).toBe('fail');
  });

  it('is not applicable when the public endpoint is off (create-cluster docs example)', () => {
    const result = evaluateOne(check, eksSnapshot(clusterExample('create-cluster.2.json')));
    expect(result.status).toBe('not_applicable');
  });

  it('is unknown when endpointPublicAccess is missing from the input', () => {
    const cluster = describeClusterExample();
    delete cluster.resourcesVpcConfig?.endpointPublicAccess;
    expect(evaluateOne(check, eksSnapshot(cluster)).status).toBe('unknown');
  });

  it('is unknown, naming the entry, when a CIDR cannot be parsed and none is open', () => {
    const result = evaluateOne(check, withCidrs(['22.19.18.2/32', '22.19.18.0/99']));
    expect(result.status).toBe('unknown');
    expect(result.message).toContain('"22.19.18.0/99"');
  });

  it('still fails when an unparseable entry sits beside an open one', () => {
    expect(evaluateOne(check, withCidrs(['nonsense', '0.0.0.0/0'])).status).toBe('fail');
  });
});
