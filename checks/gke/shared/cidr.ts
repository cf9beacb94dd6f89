/** Prefix length of an IPv4/IPv6 CIDR (`0.0.0.0/0` → 0); a bare address is a host route. */
export function prefixLength(cidr: string): number | undefined {
  const [addr, bits] = cidr.trim().split('/');
  if (!addr) return undefined;
  const max = addr.includes(':') ? 128 : 32;
  if (bits === undefined) return max;
  const n = Number(bits);
  return Number.isInteger(n) && n >= 0 && n <= max ? n : undefined;
}

/**
 * True when the CIDR is broader than `/minPrefix` (IPv4) — `0.0.0.0/0`, `0.0.0.0/1`... — or is
 * an IPv6 range broader than `/(minPrefix*4)`, e.g. `::/0`. An unparsable CIDR counts as open.
 */
export function isOpenCidr(cidr: string, minPrefix: number): boolean {
  const n = prefixLength(cidr);
  if (n === undefined) return true;
  return cidr.includes(':') ? n < minPrefix * 4 : n < minPrefix;
}
