import * as z from 'zod';
import { formatIssues } from '../core/config';
import { Finding } from '../core/finding';
import { type FindingsEncoder, jsonArrayEncoder } from './findings-encoder';
import { jsonArrayItems } from './json-array-items';

/** `findings.json`: every finding of a scan or run, one JSON array, as the scan CLI writes it. */
export function findingsJson(findings: readonly Finding[]): string {
  return `${JSON.stringify(findings, null, 2)}\n`;
}

/** `findings.json` one finding at a time (the same bytes as `findingsJson`). */
export const findingsJsonEncoder = (): FindingsEncoder => jsonArrayEncoder((f) => f);

const FindingList = z.array(Finding);

/** Reads a `findings.json`; throws an error naming `where` and the first bad entries. */
export function parseFindingsJson(text: string, where: string): Finding[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${where} is not JSON: ${(error as Error).message}`);
  }
  const parsed = FindingList.safeParse(json);
  if (!parsed.success) {
    const issues = formatIssues(parsed.error).split('\n').slice(0, 5).join('; ');
    throw new Error(`${where} is not a findings list: ${issues}`);
  }
  return parsed.data;
}

/**
 * Reads a `findings.json` given in pieces, one finding at a time, so a run's findings are never
 * whole in memory; throws an error naming `where` and the first bad entry.
 */
export async function* findingsJsonItems(
  chunks: AsyncIterable<string>,
  where: string,
): AsyncGenerator<Finding> {
  let index = 0;
  for await (const item of jsonArrayItems(chunks, where)) {
    const parsed = Finding.safeParse(item);
    if (!parsed.success) {
      const issues = formatIssues(parsed.error)
        .split('\n')
        .slice(0, 5)
        .map((line) => `${index}.${line}`)
        .join('; ');
      throw new Error(`${where} is not a findings list: ${issues}`);
    }
    yield parsed.data;
    index += 1;
  }
}
