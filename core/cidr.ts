/** A parsed CIDR block: address family and prefix length. */
export interface Cidr {
  family: 4 | 6;
  /** Prefix length in bits (0–32 for IPv4, 0–128 for IPv6). */
  prefix: number;
  /** The text it was parsed from. */
  text: string;
}

const IPV4_OCTET = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const IPV6_GROUP = /^[0-9a-fA-F]{1,4}$/;

function isIpv4(address: string): boolean {
  const octets = address.split('.');
  return octets.length === 4 && octets.every((o) => IPV4_OCTET.test(o));
}

function isIpv6(address: string): boolean {
  const halves = address.split('::');
  if (halves.length > 2) return false;
  const groups = (half: string): string[] => (half === '' ? [] : half.split(':'));
  const all = [...groups(halves[0] ?? ''), ...groups(halves[1] ?? '')];
  // An embedded IPv4 tail (::ffff:1.2.3.4) stands for the last two groups.
  const tail = address.slice(address.lastIndexOf(':') + 1);
  let count = all.length;
  if (tail.includes('.')) {
    if (!isIpv4(tail) || all[all.length - 1] !== tail) return false;
    all.pop();
    count += 1;
  }
  if (!all.every((g) => IPV6_GROUP.test(g))) return false;
  return halves.length === 2 ? count <= 7 : count === 8;
}

/**
 * Parses `a.b.c.d/n` or an IPv6 `x::/n`. A bare address is a host (/32 or /128). Host bits
 * under the prefix are allowed (the cloud APIs accept and normalize them).
 */
export function parseCidr(text: string): Cidr | { error: string } {
  const trimmed = text.trim();
  const slash = trimmed.indexOf('/');
  const address = slash === -1 ? trimmed : trimmed.slice(0, slash);
  const prefixText = slash === -1 ? undefined : trimmed.slice(slash + 1);
  const family = isIpv4(address) ? 4 : isIpv6(address) ? 6 : undefined;
  if (family === undefined) return { error: `"${text}" is not an IPv4 or IPv6 CIDR block` };
  const max = family === 4 ? 32 : 128;
  if (prefixText === undefined) return { family, prefix: max, text };
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > max) {
    return { error: `"${text}" has an invalid prefix length (0–${max} expected)` };
  }
  return { family, prefix: Number(prefixText), text };
}

/**
 * True when the block opens to a large share of the internet: a prefix shorter than
 * `minPrefix` bits, for IPv4 and IPv6 alike (`0.0.0.0/0`, `0.0.0.0/1`, `64.0.0.0/2`, `::/0`,
 * `2000::/3`). The same bit count cuts the same fraction of either address space.
 */
export function isOpenCidr(cidr: Cidr, minPrefix: number): boolean {
  return cidr.prefix < minPrefix;
}
