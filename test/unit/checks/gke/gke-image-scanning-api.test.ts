import { describe, expect, it } from 'vitest';
import { gkeImageScanningApi as check } from '../../../../checks/gke/gke-image-scanning-api';
import { deniedPart, evaluateOne, gkeSnapshot, part, standardCluster } from '../../../builders/gke';

const svc = (state: 'ENABLED' | 'DISABLED') =>
  part(
    [
      {
        name: 'projects/123456789012/services/containerscanning.googleapis.com',
        parent: 'projects/123456789012',
        state,
      },
    ],
    'serviceusage:services.get',
  );

describe('gke-image-scanning-api', () => {
  it('passes when containerscanning is enabled', () => {
    expect(
      evaluateOne(check, gkeSnapshot(standardCluster(), { services: svc('ENABLED') })).status,
    ).toBe('pass');
  });

  it('fails when it is disabled', () => {
    expect(
      evaluateOne(check, gkeSnapshot(standardCluster(), { services: svc('DISABLED') })).status,
    ).toBe('fail');
  });

  it('is unknown when services.get was denied or not collected', () => {
    expect(
      evaluateOne(
        check,
        gkeSnapshot(standardCluster(), { services: deniedPart('serviceusage:services.get') }),
      ).status,
    ).toBe('unknown');
    expect(evaluateOne(check, gkeSnapshot(standardCluster())).status).toBe('unknown');
  });
});
