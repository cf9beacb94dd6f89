import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findingsJson, findingsJsonItems } from '../../../outputs/findings-json';
import { jsonArrayItems } from '../../../outputs/json-array-items';
import { eksFinding } from '../../builders/finding';

async function* inPieces(text: string, cuts: readonly number[]) {
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    yield text.slice(at, cut);
    at = cut;
  }
  yield text.slice(at);
}

async function items(text: string, cuts: readonly number[] = []): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const item of jsonArrayItems(inPieces(text, cuts), 'f.json')) out.push(item);
  return out;
}

describe('jsonArrayItems', () => {
  it('reads the items of any JSON array, however it is cut into pieces', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.jsonValue({ maxDepth: 3 })),
        fc.boolean(),
        fc.array(fc.nat()),
        async (array, pretty, at) => {
          const text = JSON.stringify(array, null, pretty ? 2 : undefined);
          const cuts = at.map((n) => n % (text.length + 1));
          expect(await items(text, cuts)).toEqual(JSON.parse(text));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reads a findings.json one character at a time, strings with brackets and quotes included', async () => {
    const findings = [
      eksFinding({ message: 'a "quoted" ], {brace}, back\\slash\\", and , commas' }),
      eksFinding({ checkId: 'eks-secrets-encryption', message: 'unicode: é ✓ 𝄞' }),
    ];
    const text = findingsJson(findings);
    const cuts = Array.from({ length: text.length }, (_, i) => i);
    const read = [];
    for await (const f of findingsJsonItems(inPieces(text, cuts), 'f.json')) read.push(f);
    expect(read).toEqual(findings);
  });

  it.each([
    ['', 'f.json is not JSON: it is empty'],
    ['{"a": 1}', 'f.json is not JSON: it is not an array'],
    ['[1, 2', 'f.json is not JSON: the array is not closed'],
    ['[1, 2,]', 'f.json is not JSON: item 2 is empty'],
    ['[, 1]', 'f.json is not JSON: item 0 is empty'],
    ['[1] [2]', 'f.json is not JSON: text after the array'],
    ['[1, {"a": }]', /^f\.json is not JSON: item 1: /],
  ])('names the file and the problem: %j', async (text, message) => {
    await expect(items(text)).rejects.toThrow(message);
  });

  it('names the entry of a findings.json that is not a finding', async () => {
    const text = findingsJson([eksFinding(), { ...eksFinding(), status: 'maybe' } as never]);
    const read = async () => {
      for await (const _ of findingsJsonItems(inPieces(text, [10]), 'runs/x/findings.json'));
    };
    await expect(read()).rejects.toThrow(
      /^runs\/x\/findings\.json is not a findings list: 1\.status: /,
    );
  });
});
