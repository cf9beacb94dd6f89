import { describe, expect, it } from 'vitest';
import { parseCommandArgs } from '../../../cli/args';
import { UsageError } from '../../../cli/command';

const OPTIONS = {
  format: { type: 'string' },
  out: { type: 'string' },
  'fail-on': { type: 'string' },
} as const;

describe('parseCommandArgs', () => {
  it('names the unknown flag and the flags the command accepts', () => {
    expect(() => parseCommandArgs(['--fromat', 'json'], OPTIONS)).toThrow(UsageError);
    expect(() => parseCommandArgs(['--fromat', 'json'], OPTIONS)).toThrow(
      "Unknown option '--fromat'; accepted options: --fail-on, --format, --help, --out",
    );
  });

  it('names a flag that lacks its value, without the accepted list', () => {
    expect(() => parseCommandArgs(['--out'], OPTIONS)).toThrow(
      /^Option '--out <value>' argument missing$/,
    );
  });

  it('parses known flags', () => {
    expect(parseCommandArgs(['--format', 'json'], OPTIONS).values).toEqual({ format: 'json' });
  });
});
