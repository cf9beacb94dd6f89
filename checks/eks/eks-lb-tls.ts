import type { EksCheck, Evidence } from '../../core/check';
import { ev, fail, notApplicable, pass, readPart } from '../../core/outcome';

const LBS = 'parts.loadBalancers.value';

export const eksLbTls: EksCheck = {
  meta: {
    id: 'eks-lb-tls',
    provider: 'eks',
    title: 'Load balancers of the cluster serve HTTP only to redirect to HTTPS',
    severity: 'medium',
    family: 'ingress-tls',
    categories: ['network', 'data-protection'],
    risk: 'An HTTP listener that forwards to the cluster sends credentials, cookies and data in clear text across the internet.',
    remediation: {
      summary:
        'Serve applications over HTTPS (ACM certificate on the listener) and make port 80 redirect to 443; with the AWS Load Balancer Controller set the ssl-redirect annotation.',
      cli: 'aws elbv2 modify-listener --listener-arn <http-listener-arn> --default-actions \'[{"Type":"redirect","RedirectConfig":{"Protocol":"HTTPS","Port":"443","StatusCode":"HTTP_301"}}]\'',
      iac: 'Ingress annotations: alb.ingress.kubernetes.io/listen-ports: \'[{"HTTP":80},{"HTTPS":443}]\', alb.ingress.kubernetes.io/ssl-redirect: "443", alb.ingress.kubernetes.io/certificate-arn: <acm-arn>',
      url: 'https://docs.aws.amazon.com/eks/latest/userguide/alb-ingress.html',
    },
    frameworks: { 'cis-eks-1.8.0': ['5.4.5'] },
    reads: [
      'elasticloadbalancing:DescribeLoadBalancers',
      'elasticloadbalancing:DescribeTags',
      'elasticloadbalancing:DescribeListeners',
    ],
  },
  evaluate({ ref, parts }) {
    const read = readPart(parts.loadBalancers, `Load balancers of cluster ${ref.name}`, LBS);
    if (!read.ok) return read.outcome;
    if (read.value.length === 0) {
      return notApplicable(`Cluster ${ref.name} has no load balancer tagged as its own.`, [
        ev(LBS, read.value),
      ]);
    }
    return read.value.map(({ loadBalancer, listeners }, i) => {
      const name = loadBalancer.LoadBalancerName ?? `#${i}`;
      const subject = {
        type: 'elbv2-load-balancer',
        id: loadBalancer.LoadBalancerArn ?? name,
        name,
      };
      const evidence: Evidence[] = [];
      const plain: string[] = [];
      listeners.forEach((listener, j) => {
        if (listener.Protocol !== 'HTTP') return;
        const actions = listener.DefaultActions ?? [];
        const redirects =
          actions.length > 0 &&
          actions.every((a) => a.Type === 'redirect' && a.RedirectConfig?.Protocol === 'HTTPS');
        if (redirects) return;
        plain.push(`HTTP:${listener.Port} ${actions.map((a) => a.Type).join('+') || 'no action'}`);
        evidence.push(
          ev(`${LBS}[${i}].listeners[${j}].Protocol`, listener.Protocol),
          ev(`${LBS}[${i}].listeners[${j}].DefaultActions`, listener.DefaultActions),
        );
      });
      return plain.length > 0
        ? fail(
            `Load balancer ${name} of cluster ${ref.name} serves plain HTTP: ${plain.join(', ')}.`,
            evidence,
            subject,
          )
        : pass(
            `Load balancer ${name} of cluster ${ref.name} has no HTTP listener that forwards traffic (listeners: ${listeners.map((l) => `${l.Protocol}:${l.Port}`).join(', ') || 'none'}).`,
            [
              ev(
                `${LBS}[${i}].listeners[].Protocol`,
                listeners.map((l) => l.Protocol),
              ),
            ],
            subject,
          );
    });
  },
};
