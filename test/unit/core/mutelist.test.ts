import { describe, expect, it } from 'vitest';
import { MutelistError, mutelistFormat, parseMutelist } from '../../../core/mutelist';

const entry = {
  checks: ['eks-endpoint-public-access'],
  reason: 'Public endpoint behind an allow-list until the VPN cut-over (RISK-142)',
  owner: 'platform-team@example.com',
  expires: '2026-12-31',
};

const errorOf = (text: string, source = 'mutelist.json'): string => {
  try {
    parseMutelist(text, source);
  } catch (error) {
    expect(error).toBeInstanceOf(MutelistError);
    return (error as Error).message;
  }
  throw new Error('expected a MutelistError');
};

describe('parseMutelist', () => {
  it('reads a JSON file with every field', () => {
    const full = {
      ...entry,
      providers: ['eks', 'gke'],
      accounts: ['111122223333', 'acme-*'],
      regions: ['eu-*'],
      clusters: ['payments-*'],
      tags: { env: 'dev*' },
    };
    expect(parseMutelist(JSON.stringify({ entries: [full] }), 'm.json').entries).toEqual([full]);
  });

  it('reads YAML: an unquoted date stays a date string, comments are allowed', () => {
    const yaml = `# accepted risks
entries:
  - checks: ["*"]
    clusters: [sandbox-*]
    reason: Throw-away clusters
    owner: dev-team
    expires: 2027-01-31
`;
    expect(parseMutelist(yaml, 'mutelist.yaml').entries[0]?.expires).toBe('2027-01-31');
  });

  it('names the file and the entry index when expires is missing', () => {
    const { expires: _e, ...noExpiry } = entry;
    const message = errorOf(JSON.stringify({ entries: [entry, noExpiry] }), 'team/mutelist.json');
    expect(message).toContain('team/mutelist.json is not a valid mutelist');
    expect(message).toContain(
      'entries[1].expires: required: the last day the exception applies, as YYYY-MM-DD (UTC)',
    );
    expect(message).not.toContain('entries[0]');
  });

  it.each([
    ['a bad date', { expires: '2026-02-30' }, 'entries[0].expires: must be a calendar date'],
    ['a time instead of a day', { expires: '2026-12-31T00:00:00Z' }, 'entries[0].expires'],
    ['an empty reason', { reason: '  ' }, 'entries[0].reason: must not be empty'],
    ['no owner', { owner: undefined }, 'entries[0].owner: required'],
    ['no checks', { checks: undefined }, 'entries[0].checks: required'],
    ['empty checks', { checks: [] }, 'entries[0].checks: must list at least one'],
    ['an unknown provider', { providers: ['eks', 'ecs'] }, 'entries[0].providers[1]'],
    ['a typo of a key', { cluster: ['x'] }, 'entries[0]: unknown key "cluster" (known: checks'],
    ['an empty list', { regions: [] }, 'entries[0].regions: must list at least one value'],
  ])('rejects %s', (_name, change, expected) => {
    expect(errorOf(JSON.stringify({ entries: [{ ...entry, ...change }] }))).toContain(expected);
  });

  it('says to quote a YAML account id read as a number', () => {
    const yaml = `entries:
  - checks: ['*']
    accounts: [012345678910]
    reason: r
    owner: o
    expires: 2026-12-31
`;
    const message = errorOf(yaml, 'm.yml');
    expect(message).toContain('entries[0].accounts[0]: must be text in quotes: 12345678910');
  });

  it('rejects a file without entries, and bad JSON or YAML, naming the file', () => {
    expect(errorOf('{}')).toContain('entries: required: the list of exceptions');
    expect(errorOf('{"entries": [', 'a.json')).toMatch(/^a\.json is not valid JSON: /);
    expect(errorOf('entries:\n  - a: 1\n  a: [', 'a.yaml')).toMatch(/^a\.yaml is not valid YAML: /);
    expect(errorOf('entries: []\nentries: []\n', 'a.yaml')).toContain('Map keys must be unique');
  });

  it('accepts an empty list and a byte-order mark', () => {
    expect(parseMutelist('\uFEFF{"entries": []}', 'm.json')).toEqual({ entries: [] });
  });

  it('picks the format from the name, else from the first character', () => {
    expect(mutelistFormat('x.YML', '{')).toBe('yaml');
    expect(mutelistFormat('x.json', 'entries: []')).toBe('json');
    expect(mutelistFormat('config/mutelist', '  {"entries":[]}')).toBe('json');
    expect(mutelistFormat('config/mutelist', 'entries: []')).toBe('yaml');
  });
});
