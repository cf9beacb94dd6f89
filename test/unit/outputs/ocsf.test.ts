import { describe, expect, it } from 'vitest';
import { Finding } from '../../../core/finding';
import { OCSF_VERSION, renderOcsf, toOcsf } from '../../../outputs/ocsf';
import { makeFinding, sampleFindings } from '../../builders/findings';
import { fixture } from '../../fixture';
import { eventClass, requiredAttributes, validateEvent } from '../../helpers/ocsf-schema';

const COMPLIANCE_FINDING = eventClass('findings/compliance_finding.json');
const opts = { time: new Date('2026-11-28T06:00:00.000Z'), productVersion: '0.1.0' };

type Json = Record<string, unknown>;
const event = (f = makeFinding()): Json => JSON.parse(JSON.stringify(toOcsf(f, opts))) as Json;
const obj = (v: unknown): Json => v as Json;

describe('OCSF schema walk (test/fixtures/ocsf)', () => {
  it('resolves the required attributes of Compliance Finding 1.6.0 with the cloud profile', () => {
    expect(fixture<{ version: string }>('ocsf/version.json').version).toBe(OCSF_VERSION);
    expect(requiredAttributes(COMPLIANCE_FINDING, [])).toEqual([
      'activity_id',
      'category_uid',
      'class_uid',
      'compliance',
      'finding_info',
      'metadata',
      'severity_id',
      'time',
      'type_uid',
    ]);
    expect(requiredAttributes(COMPLIANCE_FINDING, ['cloud'])).toContain('cloud');
  });

  it.each([
    ['time', (e: Json) => delete e['time'], '$.time: required'],
    ['finding_info.uid', (e: Json) => delete obj(e['finding_info'])['uid'], '$.finding_info.uid'],
    ['cloud (profile)', (e: Json) => delete e['cloud'], '$.cloud: required'],
    ['cloud.provider', (e: Json) => delete obj(e['cloud'])['provider'], '$.cloud.provider'],
    ['metadata.version', (e: Json) => delete obj(e['metadata'])['version'], '$.metadata.version'],
    [
      'product name and uid',
      (e: Json) => {
        const product = obj(obj(e['metadata'])['product']);
        delete product['name'];
        delete product['uid'];
      },
      'needs at least one of name, uid',
    ],
    [
      'remediation.desc',
      (e: Json) => delete obj(e['remediation'])['desc'],
      '$.remediation.desc: required',
    ],
    [
      'analytic.type_id',
      (e: Json) => delete obj(obj(e['finding_info'])['analytic'])['type_id'],
      '$.finding_info.analytic.type_id',
    ],
    ['an enum value', (e: Json) => (e['severity_id'] = 7), '$.severity_id: 7 is not in the enum'],
    ['the class', (e: Json) => (e['class_uid'] = 2004), '$.class_uid: 2004 is not in the enum'],
    ['the type', (e: Json) => (e['type_uid'] = 200401), '$.type_uid: 200401 is not in the enum'],
    ['a type', (e: Json) => (e['time'] = '2026-11-28'), '$.time: expected timestamp_t'],
    [
      'an unknown attribute',
      (e: Json) => (e['severity_label'] = 'x'),
      'no attribute severity_label',
    ],
    [
      'an array',
      (e: Json) => (obj(e['compliance'])['standards'] = 'cis'),
      '$.compliance.standards: expected an array',
    ],
  ])('reports a broken event: %s', (_name, breakIt, message) => {
    const e = event();
    expect(validateEvent(e, COMPLIANCE_FINDING)).toEqual([]);
    breakIt(e);
    const errors = validateEvent(e, COMPLIANCE_FINDING);
    expect(errors.join('\n')).toContain(message);
  });
});

describe('toOcsf', () => {
  it('produces a valid Compliance Finding for every finding of a realistic estate', () => {
    const findings = sampleFindings();
    const events = JSON.parse(renderOcsf(findings, opts)) as unknown[];
    expect(events).toHaveLength(findings.length);
    for (const e of events) expect(validateEvent(e, COMPLIANCE_FINDING)).toEqual([]);
  });

  it('maps identity, classification, time and status', () => {
    const f = makeFinding({ status: 'fail', severity: 'critical' });
    const e = event(f);
    expect(e).toMatchObject({
      class_uid: 2003,
      category_uid: 2,
      activity_id: 1,
      type_uid: 200301,
      severity_id: 5,
      severity: 'Critical',
      time: Date.parse('2026-11-28T06:00:00.000Z'),
      status_id: 1,
      status: 'New',
      status_code: 'FAIL',
      status_detail: f.message,
      finding_info: { uid: f.id, title: f.title },
      metadata: { version: '1.6.0', profiles: ['cloud'], event_code: f.checkId },
    });
  });

  it.each([
    ['critical', 5],
    ['high', 4],
    ['medium', 3],
    ['low', 2],
    ['informational', 1],
  ] as const)('maps severity %s to severity_id %d', (severity, id) => {
    expect(event(makeFinding({ severity }))['severity_id']).toBe(id);
  });

  it.each([
    ['pass', 1, 'Pass', 4],
    ['fail', 3, 'Fail', 1],
    ['unknown', 2, 'Warning', 1],
    ['not_applicable', 99, 'Not Applicable', 4],
  ] as const)('maps status %s to compliance status_id %d', (status, cid, caption, sid) => {
    const e = event(makeFinding({ status }));
    expect(e['compliance']).toMatchObject({ status_id: cid, status: caption });
    expect(e['status_id']).toBe(sid);
  });

  it('lists framework standards and requirement ids', () => {
    const e = event(
      makeFinding({
        frameworks: { 'cis-eks-1.8.0': ['5.4.1', '5.4.2'], 'pci-dss-4.0': ['1.3.1'] },
      }),
    );
    expect(e['compliance']).toMatchObject({
      control: 'eks-endpoint-public-access',
      standards: ['cis-eks-1.8.0', 'pci-dss-4.0'],
      requirements: ['cis-eks-1.8.0:5.4.1', 'cis-eks-1.8.0:5.4.2', 'pci-dss-4.0:1.3.1'],
    });
  });

  it.each([
    ['eks', 'AWS', 10, 'AWS::EKS::Cluster'],
    ['gke', 'GCP', 11, 'container.googleapis.com/Cluster'],
    ['aks', 'Azure', 13, 'Microsoft.ContainerService/managedClusters'],
  ] as const)('describes the %s cloud, account and region', (provider, cloud, typeId, type) => {
    const f = makeFinding({ provider });
    const e = event(f);
    expect(e['cloud']).toMatchObject({
      provider: cloud,
      region: f.region,
      account: { uid: f.account, type_id: typeId },
    });
    expect(e['resources']).toEqual([
      expect.objectContaining({ uid: f.resourceId, name: f.resourceName, type, region: f.region }),
    ]);
  });

  it('adds the AWS partition and the sub-resource subject', () => {
    const subject = {
      type: 'AWS::IAM::Role',
      id: 'arn:aws-cn:iam::111122223333:role/node',
      name: 'node',
    };
    const f = Finding.parse({
      ...makeFinding({ subject }),
      resourceId: 'arn:aws-cn:eks:cn-north-1:111122223333:cluster/c1',
    });
    const resources = event(f)['resources'] as Json[];
    expect(resources[0]).toMatchObject({ cloud_partition: 'aws-cn' });
    expect(resources[1]).toMatchObject({ uid: subject.id, name: 'node', type: 'AWS::IAM::Role' });
  });

  it('keeps evidence, absent values included', () => {
    const e = event(
      makeFinding({ evidence: [{ path: 'cluster.encryptionConfig', value: null, absent: true }] }),
    );
    expect(e['evidences']).toEqual([
      {
        name: 'cluster.encryptionConfig',
        data: { path: 'cluster.encryptionConfig', value: null, absent: true },
      },
    ]);
  });

  it('marks a muted result Suppressed, keeps its compliance status and says why', () => {
    const exception = {
      entry: 2,
      reason: 'Allow-listed until the VPN cut-over',
      owner: 'platform-team',
      expires: '2026-12-31',
      state: 'active' as const,
    };
    const f = { ...makeFinding({ status: 'fail' }), muted: true as const, exception };
    const e = event(f);
    expect(validateEvent(e, COMPLIANCE_FINDING)).toEqual([]);
    expect(e).toMatchObject({
      status_id: 3,
      status: 'Suppressed',
      status_code: 'FAIL',
      status_detail:
        'Muted until 2026-12-31 (UTC) by mutelist entry 2, owner platform-team: Allow-listed until the VPN cut-over',
      message: f.message,
      compliance: { status_id: 3, status: 'Fail', status_detail: f.message },
      unmapped: { muted: true, exception },
    });
  });

  it('keeps an expired exception in unmapped only: the result is New again', () => {
    const exception = {
      entry: 0,
      reason: 'r',
      owner: 'o',
      expires: '2026-01-31',
      state: 'expired' as const,
    };
    const e = event({ ...makeFinding({ status: 'fail' }), exception });
    expect(validateEvent(e, COMPLIANCE_FINDING)).toEqual([]);
    expect(e).toMatchObject({ status_id: 1, status: 'New', unmapped: { muted: false, exception } });
    expect(e['status_detail']).not.toContain('Muted');
  });
});
