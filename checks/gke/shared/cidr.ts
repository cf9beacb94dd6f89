import { isOpenCidr, parseCidr } from '../../../core/cidr';

/**
 * True when a CIDR text is broader than `/minPrefix` (`0.0.0.0/0`, `::/0`...). Text that is not
 * a CIDR counts as open: the API validates ranges, so only a damaged input has one, and the
 * result then names it rather than passing it.
 */
export function isOpenRange(text: string, minPrefix: number): boolean {
  const cidr = parseCidr(text);
  return 'error' in cidr ? true : isOpenCidr(cidr, minPrefix);
}
