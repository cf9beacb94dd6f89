import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify as toYaml } from 'yaml';
import { Mutelist, MutelistError, parseMutelist } from '../../../core/mutelist';
import { parseRunConfig, RunConfig, RunConfigError } from '../../../pipeline/run-config';
import { Estate, EstateError, loadEstate, parseEstate } from '../../../sandbox/estate';
import { SAMPLE_ESTATE_FILE } from '../../../sandbox/sample-estate';
import { mutatedJson, readOrNamedError } from '../../helpers/json-mutations';

/**
 * Property: whatever a configuration, estate or mutelist file holds, its reader gives a valid
 * value or its own error naming the file and the problem; it never throws anything else.
 */

/** A run configuration with every section and key, defaults filled in. */
const FULL_CONFIG = parseRunConfig({
  aws: {
    accounts: ['111122223333', '444455556666'],
    regions: ['eu-west-1', 'us-east-2'],
    memberRoleName: 'mk8s-audit-read',
    externalId: 'ext-123',
  },
  gcp: { projects: ['acme-prod-gke'] },
  azure: { subscriptions: ['5e3b8a2c-1f4d-4c6b-9a7e-2d8f0c1b3a41'] },
  securityHub: { enabled: true, region: 'us-east-1' },
});

const MUTELIST = {
  entries: [
    {
      checks: ['eks-endpoint-public-access'],
      providers: ['eks'],
      accounts: ['111122223333'],
      regions: ['eu-*'],
      clusters: ['payments-*'],
      tags: { env: 'dev*' },
      reason: 'Public endpoint behind an allow-list until the VPN cut-over (RISK-142)',
      owner: 'platform-team@example.com',
      expires: '2026-12-31',
    },
  ],
};

describe('configuration, estate and mutelist readers on arbitrary input', () => {
  it('read a mutated run configuration or name it and the problem', () => {
    const source = 'config/run.json';
    fc.assert(
      fc.property(fc.oneof(mutatedJson(FULL_CONFIG), fc.jsonValue({ maxDepth: 3 })), (json) => {
        const config = readOrNamedError(() => parseRunConfig(json, source), RunConfigError, source);
        if (config) expect(RunConfig.safeParse(config).success).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('read a mutated estate or name it and the problem', () => {
    const base = JSON.parse(JSON.stringify(loadEstate(SAMPLE_ESTATE_FILE))) as unknown;
    const source = 'estates/mutated.json';
    fc.assert(
      fc.property(fc.oneof(mutatedJson(base), fc.jsonValue({ maxDepth: 3 })), (json) => {
        const estate = readOrNamedError(() => parseEstate(json, source), EstateError, source);
        if (estate) expect(Estate.safeParse(estate).success).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('read a mutated mutelist, as JSON or YAML, or name it and the problem', () => {
    const asText = mutatedJson(MUTELIST).chain((json) =>
      fc.constantFrom(
        { text: JSON.stringify(json), source: 'mutelist.json' },
        { text: toYaml(json), source: 'mutelist.yaml' },
      ),
    );
    fc.assert(
      fc.property(asText, ({ text, source }) => {
        const list = readOrNamedError(() => parseMutelist(text, source), MutelistError, source);
        if (list) expect(Mutelist.safeParse(list).success).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('read any text as a mutelist or name it and the problem', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200, unit: 'binary' }),
        fc.constantFrom('mutelist.json', 'mutelist.yaml', 'mutelist'),
        (text, source) => {
          readOrNamedError(() => parseMutelist(text, source), MutelistError, source);
        },
      ),
      { numRuns: 200 },
    );
  });
});
