/** One statement of an IAM policy document, as JSON has it. */
export interface PolicyStatement {
  Sid?: unknown;
  Effect?: unknown;
  Principal?: unknown;
  Action?: unknown;
  NotAction?: unknown;
  Resource?: unknown;
  Condition?: unknown;
}

/**
 * The statements of an IAM policy document. IAM returns documents URL-encoded
 * (RFC 3986); collectors decode them, but an export may not, so both forms are read.
 */
export function policyStatements(text: string): PolicyStatement[] | { error: string } {
  const decoded = text.trimStart().startsWith('%') ? safeDecode(text) : text;
  if (decoded === undefined) return { error: 'the policy document is not valid URL encoding' };
  try {
    const doc = JSON.parse(decoded) as { Statement?: PolicyStatement | PolicyStatement[] };
    if (doc.Statement === undefined) return [];
    return Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
  } catch (error) {
    return { error: `the policy document is not JSON: ${(error as Error).message}` };
  }
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** A string-or-list policy element as a list. */
export function asList(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
