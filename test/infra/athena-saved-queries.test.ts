import { Parser } from 'node-sql-parser/build/athena';
import { describe, expect, it } from 'vitest';
import { HISTORY_COLUMNS, SAVED_QUERIES } from '../../infra/constructs/findings-history-queries';

// Each saved query must parse in the parser's Athena dialect and name only columns the Glue table
// has (its columns, the `run_date` partition, or an alias the query defines). The parser's Trino
// dialect rejects the scalar subquery `run_id = (SELECT ...)` that Athena engine 3 accepts.
const parser = new Parser();
const TABLE = 'mk8s_audit.findings_history';
const KNOWN = new Set([...HISTORY_COLUMNS.map((c) => c.name), 'run_date']);

/** The columns a query reads that the table lacks; throws when it is not Athena SQL. */
function unknownColumns(sql: string): string[] {
  // The requirement query takes one execution parameter; give it a value to parse.
  const bound = sql.replaceAll('?', "'cis-eks-1.8.0:5.4.2'");
  const aliases = new Set([...bound.matchAll(/\bAS\s+(\w+)/gi)].map((m) => String(m[1])));
  const columns = parser.columnList(bound, { database: 'athena' }).map((c) => c.split('::')[2]);
  return [...new Set(columns)].filter(
    (c): c is string => c !== undefined && !KNOWN.has(c) && !aliases.has(c),
  );
}

describe('saved Athena queries', () => {
  it.each(SAVED_QUERIES.map((q) => [q.id, q] as const))(
    '%s parses as Athena SQL and reads only columns of the table',
    (_id, query) => {
      expect(unknownColumns(query.sql(TABLE))).toEqual([]);
    },
  );

  it('would catch a misspelled column and a query that is not SQL', () => {
    expect(
      unknownColumns(`SELECT acount, status FROM ${TABLE} WHERE run_date = '2026-11-28'`),
    ).toEqual(['acount']);
    expect(() => unknownColumns(`SELECT FROM WHERE ${TABLE}`)).toThrow();
  });
});
