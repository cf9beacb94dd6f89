import { describe, expect, it } from 'vitest';
import { eksLbTls as check } from '../../../../checks/eks/eks-lb-tls';
import { collected } from '../../../../core/snapshot';
import type { EksLoadBalancer } from '../../../../core/snapshot-eks';
import { describeClusterExample, eksSnapshot, evaluate } from '../../../builders/eks';

type Listener = EksLoadBalancer['listeners'][number];

/** DescribeLoadBalancers/DescribeListeners entries in the shape of the ELBv2 API model (2015-12-01). */
function alb(listeners: Listener[]): EksLoadBalancer {
  const arn =
    'arn:aws:elasticloadbalancing:us-east-2:111122223333:loadbalancer/app/k8s-default-web-0a1b2c3d4e/50dc6c495c0c9188';
  return {
    loadBalancer: {
      LoadBalancerArn: arn,
      DNSName: 'k8s-default-web-0a1b2c3d4e-1234567890.us-east-2.elb.amazonaws.com',
      LoadBalancerName: 'k8s-default-web-0a1b2c3d4e',
      Scheme: 'internet-facing',
      VpcId: 'vpc-0012b8e1cc0abb17d',
      State: { Code: 'active' },
      Type: 'application',
    },
    listeners: listeners.map((l, i) => ({
      ListenerArn: `${arn.replace(':loadbalancer/', ':listener/')}/${i}`,
      LoadBalancerArn: arn,
      ...l,
    })),
  };
}

const HTTPS: Listener = {
  Port: 443,
  Protocol: 'HTTPS',
  Certificates: [{ CertificateArn: 'arn:aws:acm:us-east-2:111122223333:certificate/abc' }],
  DefaultActions: [{ Type: 'forward', TargetGroupArn: 'arn:tg' }],
};
const REDIRECT: Listener = {
  Port: 80,
  Protocol: 'HTTP',
  DefaultActions: [
    {
      Type: 'redirect',
      RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' },
    },
  ],
};
const FORWARD: Listener = {
  Port: 80,
  Protocol: 'HTTP',
  DefaultActions: [{ Type: 'forward', TargetGroupArn: 'arn:tg' }],
};

const snapshot = (lbs: EksLoadBalancer[]) =>
  eksSnapshot(describeClusterExample(), {
    loadBalancers: collected(lbs, ['elasticloadbalancing:DescribeLoadBalancers']),
  });

describe('eks-lb-tls', () => {
  it('passes HTTPS with an HTTP→HTTPS redirect', () => {
    const [result] = evaluate(check, snapshot([alb([HTTPS, REDIRECT])]));
    expect(result?.status).toBe('pass');
    expect(result?.subject?.type).toBe('elbv2-load-balancer');
  });

  it('fails an HTTP listener that forwards', () => {
    const [result] = evaluate(check, snapshot([alb([HTTPS, FORWARD])]));
    expect(result?.status).toBe('fail');
    expect(result?.message).toContain('HTTP:80 forward');
  });

  it('is not applicable without load balancers and unknown when not collected', () => {
    expect(evaluate(check, snapshot([]))[0]?.status).toBe('not_applicable');
    expect(evaluate(check, eksSnapshot())[0]?.status).toBe('unknown');
  });
});
