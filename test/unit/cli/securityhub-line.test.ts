import { describe, expect, it } from 'vitest';
import { securityHubLine } from '../../../cli/run-summary-report';
import type { SecurityHubRunSummary } from '../../../pipeline/securityhub-sync';

const summary = (state: Partial<SecurityHubRunSummary['state']> = {}): SecurityHubRunSummary => ({
  enabled: true,
  dryRun: false,
  mode: 'central',
  productArn: 'arn:aws:securityhub:us-east-1:111122223333:product/111122223333/default',
  region: 'us-east-1',
  submitted: 120,
  imported: 100,
  updated: 20,
  passed: 0,
  archived: 0,
  refreshed: 0,
  unchanged: 5,
  unknownKept: 0,
  failed: 0,
  calls: 2,
  retried: 0,
  destinations: [],
  duplicateIds: [],
  state: {
    key: 'state/securityhub/',
    scopes: 3,
    written: 3,
    entries: 125,
    conflicts: [],
    errors: [],
    ...state,
  },
  failures: [],
  failuresTruncated: false,
});

describe('securityHubLine', () => {
  it('says what was sent, and nothing of the state when every scope kept it', () => {
    expect(securityHubLine(summary())).toBe(
      'Security Hub (central, us-east-1): sent 120 of 120 findings in 2 calls: 100 new, 20 updated, 0 now passing, 0 archived, 0 refreshed; 5 unchanged, 0 failed',
    );
  });

  it('names the scopes whose state was not kept, an unreadable one first', () => {
    const line = securityHubLine(
      summary({
        conflicts: ['gcp:acme-prod'],
        errors: [{ scope: 'aws:111122223333/eu-west-1', message: 'state/x.json is not JSON: …' }],
      }),
    );
    expect(line).toMatch(
      /; 5 unchanged, 0 failed; the state of 2 scopes not kept \(first: aws:111122223333\/eu-west-1: state\/x\.json is not JSON: …\)$/,
    );
    expect(securityHubLine(summary({ conflicts: ['gcp:acme-prod'] }))).toMatch(
      /; the state of 1 scope not kept \(first: gcp:acme-prod: another run wrote it first\)$/,
    );
  });
});
