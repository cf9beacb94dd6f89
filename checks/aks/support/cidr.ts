/**
 * The prefix length of an IPv4/IPv6 CIDR (a bare address counts as a host route), or undefined
 * when the text is not an address range.
 */
export function cidrPrefix(cidr: string): { family: 4 | 6; prefix: number } | undefined {
  const [address = '', bits] = cidr.trim().split('/');
  const family = address.includes(':') ? 6 : /^\d{1,3}(\.\d{1,3}){3}$/.test(address) ? 4 : 0;
  if (family === 0) return undefined;
  const max = family === 4 ? 32 : 128;
  if (bits === undefined) return { family, prefix: max };
  const prefix = Number(bits);
  if (!/^\d+$/.test(bits) || prefix > max) return undefined;
  return { family, prefix };
}
