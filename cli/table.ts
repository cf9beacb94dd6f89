export type Align = 'left' | 'right';

/**
 * A plain-text table: columns separated by two spaces, the header underlined with dashes.
 * The last column is not padded, so a long title wraps naturally in a narrow terminal.
 */
export function renderTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[] = [],
): string {
  const all = [headers, headers.map((h) => '-'.repeat(h.length)), ...rows];
  const widths = headers.map((_, c) => Math.max(...all.map((r) => (r[c] ?? '').length)));
  return all
    .map((row) =>
      row
        .map((cell, c) => {
          if (c === row.length - 1 && align[c] !== 'right') return cell;
          const width = widths[c] ?? 0;
          return align[c] === 'right' ? cell.padStart(width) : cell.padEnd(width);
        })
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
