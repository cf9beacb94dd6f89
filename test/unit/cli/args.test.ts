import { describe, expect, it } from 'vitest';
import { commandLine, parseCommandArgs } from '../../../cli/args';
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

describe('commandLine', () => {
  it('writes the usage and gives nothing for --help, whatever else is given', () => {
    const written: string[] = [];
    const write = (text: string) => void written.push(text);
    expect(commandLine(['--out', 'x', '-h'], 'Usage: demo', OPTIONS, { write })).toBeUndefined();
    expect(written).toEqual(['Usage: demo\n']);
  });

  it('gives the flags and, when allowed, the positionals', () => {
    const write = () => {
      throw new Error('no usage expected');
    };
    const args = commandLine(['--out', 'o', 'a.json'], 'Usage', OPTIONS, {
      positionals: true,
      write,
    });
    expect(args?.values).toEqual({ out: 'o' });
    expect(args?.positionals).toEqual(['a.json']);
    expect(() => commandLine(['a.json'], 'Usage', OPTIONS, { write })).toThrow(UsageError);
  });
});
