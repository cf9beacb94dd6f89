import { describe, expect, it } from 'vitest';
import { eksIrsaTrustUnscoped as check } from '../../../../checks/eks/eks-irsa-trust-unscoped';
import { collected } from '../../../../core/snapshot';
import type { EksIamRole } from '../../../../core/snapshot-eks';
import { describeClusterExample, eksSnapshot, evaluate } from '../../../builders/eks';
import { irsaTrustPolicy, roleExample } from '../../../builders/iam';

const ISSUER = 'oidc.eks.us-east-2.amazonaws.com/id/JSA79429HJDASKJDJ8223829MNDNASW';
const withRoles = (roles: EksIamRole['role'][]) =>
  eksSnapshot(describeClusterExample(), { irsaRoles: collected(roles, ['iam:ListRoles']) });

describe('eks-irsa-trust-unscoped', () => {
  it('passes a role scoped to one service account with StringEquals (URL-encoded, as IAM returns it)', () => {
    const role = roleExample(
      'ebs-csi',
      irsaTrustPolicy(ISSUER, {
        StringEquals: {
          [`${ISSUER}:sub`]: 'system:serviceaccount:kube-system:ebs-csi-controller-sa',
          [`${ISSUER}:aud`]: 'sts.amazonaws.com',
        },
      }),
      true,
    );
    const [result] = evaluate(check, withRoles([role]));
    expect(result?.status).toBe('pass');
    expect(result?.subject).toEqual({
      type: 'iam-role',
      id: 'arn:aws:iam::111122223333:role/ebs-csi',
      name: 'ebs-csi',
    });
  });

  it('regression: fails a role with only an :aud condition (any service account can assume it)', () => {
    const role = roleExample(
      'aud-only',
      irsaTrustPolicy(ISSUER, { StringEquals: { [`${ISSUER}:aud`]: 'sts.amazonaws.com' } }),
    );
    const [result] = evaluate(check, withRoles([role]));
    expect(result?.status).toBe('fail');
    expect(result?.message).toContain(':sub condition');
  });

  it('fails a role with no condition at all, and one whose :sub is a wildcard', () => {
    const none = roleExample('open', irsaTrustPolicy(ISSUER));
    const wildcard = roleExample(
      'wild',
      irsaTrustPolicy(ISSUER, { StringLike: { [`${ISSUER}:sub`]: 'system:serviceaccount:*:*' } }),
    );
    const results = evaluate(check, withRoles([none, wildcard]));
    expect(results.map((r) => r.status)).toEqual(['fail', 'fail']);
    expect(results[1]?.message).toContain('system:serviceaccount:*:*');
  });

  it('ignores roles that trust another cluster or service, and is not applicable when none trusts this one', () => {
    const other = roleExample(
      'other',
      irsaTrustPolicy('oidc.eks.us-east-2.amazonaws.com/id/OTHER'),
    );
    expect(evaluate(check, withRoles([other]))[0]?.status).toBe('not_applicable');
  });

  it('is unknown for an unreadable trust policy, and when roles were not listed', () => {
    const broken = { ...roleExample('broken', {}), AssumeRolePolicyDocument: '<URL-encoded-JSON>' };
    expect(evaluate(check, withRoles([broken]))[0]?.status).toBe('unknown');
    expect(evaluate(check, eksSnapshot())[0]?.message).toContain('iam:ListRoles');
  });
});
