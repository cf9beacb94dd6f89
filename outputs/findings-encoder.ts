import type { Finding } from '../core/finding';

/**
 * A findings file written one finding at a time: `start`, then `item` per finding, then `end`
 * give exactly the bytes of the whole-list renderer, so a run's files never need the whole list.
 */
export interface FindingsEncoder {
  start(): string;
  item(f: Finding): string;
  end(): string;
}

/** `JSON.stringify(list.map(toJson), null, 2)` and a newline, one element at a time. */
export function jsonArrayEncoder(toJson: (f: Finding) => unknown): FindingsEncoder {
  let count = 0;
  return {
    start: () => '',
    item(f) {
      // JSON strings never hold a raw newline, so every newline is the indentation's.
      const text = JSON.stringify(toJson(f), null, 2).replaceAll('\n', '\n  ');
      return `${count++ === 0 ? '[\n  ' : ',\n  '}${text}`;
    },
    end: () => (count === 0 ? '[]\n' : '\n]\n'),
  };
}

/** The whole file from a list. */
export function encodeAll(encoder: FindingsEncoder, findings: readonly Finding[]): string {
  const parts = [encoder.start()];
  for (const f of findings) parts.push(encoder.item(f));
  parts.push(encoder.end());
  return parts.join('');
}
