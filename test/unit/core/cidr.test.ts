import { describe, expect, it } from 'vitest';
import { isOpenCidr, parseCidr } from '../../../core/cidr';

describe('parseCidr', () => {
  it.each([
    ['0.0.0.0/0', 4, 0],
    ['22.19.18.2/32', 4, 32],
    ['64.0.0.0/2', 4, 2],
    ['203.0.113.7', 4, 32],
    [' 10.0.0.0/8 ', 4, 8],
    ['::/0', 6, 0],
    ['2000::/3', 6, 3],
    ['2001:db8::/32', 6, 32],
    ['1:2:3:4:5:6:7:8/128', 6, 128],
    ['::ffff:192.0.2.1/96', 6, 96],
    ['fe80::1', 6, 128],
  ])('parses %s', (text, family, prefix) => {
    expect(parseCidr(text)).toEqual({ family, prefix, text });
  });

  it.each([
    'garbage',
    '',
    '0.0.0.0/33',
    '256.0.0.0/8',
    '1.2.3/24',
    '01.2.3.4/8',
    '10.0.0.0/',
    '10.0.0.0/-1',
    '10.0.0.0/8/9',
    '::/129',
    '1::2::3/64',
    '1:2:3:4:5:6:7:8:9/64',
    '1:2:3:4:5:6:7/64',
    'gggg::/16',
    '1.2.3.4::/64',
  ])('rejects %j with a reason that quotes it', (text) => {
    const result = parseCidr(text);
    expect(result).toHaveProperty('error');
    expect((result as { error: string }).error).toContain(`"${text}"`);
  });
});

describe('isOpenCidr', () => {
  const open = (text: string, min = 8) => {
    const cidr = parseCidr(text);
    if ('error' in cidr) throw new Error(cidr.error);
    return isOpenCidr(cidr, min);
  };

  it('counts every prefix shorter than the minimum as open, not only the literal 0.0.0.0/0', () => {
    expect(open('0.0.0.0/0')).toBe(true);
    expect(open('0.0.0.0/1')).toBe(true);
    expect(open('128.0.0.0/1')).toBe(true);
    expect(open('64.0.0.0/2')).toBe(true);
    expect(open('10.0.0.0/7')).toBe(true);
    expect(open('::/0')).toBe(true);
    expect(open('2000::/3')).toBe(true);
  });

  it('does not count the minimum itself or longer prefixes as open', () => {
    expect(open('10.0.0.0/8')).toBe(false);
    expect(open('22.19.18.2/32')).toBe(false);
    expect(open('2001:db8::/32')).toBe(false);
    expect(open('10.0.0.0/15', 16)).toBe(true);
  });
});
