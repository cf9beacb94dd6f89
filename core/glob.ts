/**
 * Shell-style globs for mutelist fields: `*` is any run of characters (also none), `?` one
 * character, everything else literal; the whole value must match, case-sensitively (cluster
 * names, ARNs and tag values are case-sensitive in the clouds that issue them).
 */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (const ch of glob) {
    if (ch === '*') source += '.*';
    else if (ch === '?') source += '.';
    else source += ch.replace(/[\\^$.|+()[\]{}]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 's');
}

/** True when `value` matches `glob`. */
export function globMatch(glob: string, value: string): boolean {
  return globToRegExp(glob).test(value);
}
